line one
syscmd(`echo from shell')dnl
line two
esyscmd(`echo from esyscmd')dnl
divert(1)diverted
divert(0)dnl
syscmd(`echo shell after divert')dnl
define(`x', `X')dnl
syscmd(`printf "x\n"; echo err >&2; printf "y\n"')dnl
line three
