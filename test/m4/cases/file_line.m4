__file__ __line__
__line__
define(`where', `__file__:__line__')where
define(`f', `[$1|$2|$3]')f(__line__,
__line__,
__line__)
f(`__line__',
`__line__')
f(
where)
define(`ml', `line1
__line__')ml
`__line__' quoted
[__line__()]
[__file__(`x')]
__line__ dnl comment
__line__
ifelse(`a', `b', `', `
__line__')
define(`later', `__line__')dnl
later
f(later,
later)
changequote([,])dnl
[__line__] __line__
changequote`'dnl
# __line__ in comment
__line__
m4wrap(`wrapped at __line__ __file__
')dnl
f(
m4wrap(`wrap from args __line__
'))dnl
last __line__
