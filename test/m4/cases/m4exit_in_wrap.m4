divert(1)diverted
divert(0)dnl
m4wrap(`in wrap
m4exit(`4')after exit in wrap
')dnl
m4wrap(`second wrap runs first
')dnl
main
