before
divert(1)diverted
divert(0)dnl
m4wrap(`wrapped
')dnl
include(`nonexistent.inc')
after error
