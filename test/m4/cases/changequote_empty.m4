define(`x', `X')dnl
changequote(`', `')dnl
`x' x
define(a, x)a
changequote
`x' x
changequote(`', `')dnl
changequote()
`x' x
changequote(,)dnl
`x' x
changequote`'dnl
`x' x
changequote(`[', `')dnl
[x' [x] `x' [[x'']
changequote([`'], [''])dnl
changequote([], [[]])dnl
`x' x [x]
changequote`'dnl
`back to default'
