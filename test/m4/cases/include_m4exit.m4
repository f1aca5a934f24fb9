divert(1)diverted
divert(0)dnl
m4wrap(`wrapped
')dnl
include(`inc/m4exit.inc')
not reached
