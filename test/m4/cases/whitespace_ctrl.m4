define(`show', `<$1>')dnl
show(a) show(b) show(c) show(a)
line with cr
show(`x')
