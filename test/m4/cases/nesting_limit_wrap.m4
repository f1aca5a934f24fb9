define(`f', `[$1]')dnl
divert(1)diverted
divert(0)dnl
m4wrap(`wrapped
')dnl
f(f(f(f(x))))
