define(`d1', `cost $')d1
define(`d2', `$$1')d2(x)
define(`d3', `$a $- $ $`'1')d3(x)
define(`d4', `$$')d4
define(`d5', `$#$*$@`$0'')d5(q)
define(`d6', `a$')d6(z)
define(`d7', `$1$')d7(z)
define(`d8', `$*$')d8(z)
define(`d9', `$@$')d9(z)
define(`dd', `$$$$1')dd(x)
`$1' outside $1 $# $* $@
