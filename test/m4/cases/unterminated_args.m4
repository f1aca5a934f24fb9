define(`f', `[$1]')dnl
before
f(a, b
more args
and no close paren
