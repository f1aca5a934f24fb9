builtin(`len', `hello')
define(`len', `overridden')len(abc) builtin(`len', `abc')
builtin(`define', `x', `X')x
builtin(`nosuch')
[builtin(`nosuch', 1, 2)]
builtin
[builtin()]
builtin(`foo')
define(`foo', `user')builtin(`foo')
builtin(`builtin', `len', `abc')
builtin(`indir', `x')
builtin(`eval')
builtin(`eval', `2**10')
undefine(`eval')builtin(`eval', `7*6')
builtin(`ifelse', `a', `a', `eq')
builtin(`len')
builtin(`dnl')still here
builtin(`__line__')
