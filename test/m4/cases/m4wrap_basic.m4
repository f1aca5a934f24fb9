m4wrap(`wrapped text
')dnl
define(`x', `X')dnl
m4wrap(`x expanded at end
')dnl
define(`x', `redefined X')dnl
main text
[m4wrap(`')]
m4wrap
m4wrap()dnl
m4wrap(`a', `b', `c')dnl
m4wrap(`
')dnl
