divert(2)second
divert(1)first
divert(3)third
divert(-1)discarded
divert(0)main text
m4wrap(`divert(4)from wrap
divert(0)wrap main
')dnl
