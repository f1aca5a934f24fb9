define(`show', `<$1>')dnl
show(a,
b)
dnl whole line
foo
