define(`show', `<$1|$2>')dnl
show((a, b), c)
show(((a)), (b, (c, d)))
show(`(', `)')
show(`)', x)
show(a (b) c, d)
show(a)b, c)
show(f(x), y)
define(`p', `(')define(`q', `)')dnl
show(p, q)
show(p a, b q)
show(a q b)
