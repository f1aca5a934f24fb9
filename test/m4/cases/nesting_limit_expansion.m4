define(`b', `x b')dnl
define(`c', `[c]')dnl
define(`d', `d(')dnl
line one
d
