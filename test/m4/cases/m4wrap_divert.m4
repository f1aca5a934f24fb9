divert(1)diverted one
divert(0)dnl
m4wrap(`in wrap divnum
divert(2)wrap into two
divert(0)undivert(1)dnl
wrap text after the call
')dnl
main
