define(`countdown', `ifelse(`$1', `0', `liftoff', `$1 countdown(decr($1))')')dnl
countdown(5)
define(`fact', `ifelse(`$1', `1', `1', `eval($1 * fact(decr($1)))')')dnl
fact(1) fact(5) fact(10)
define(`fib', `ifelse(eval($1 < 2), 1, $1, `eval(fib(decr($1)) + fib(eval($1 - 2)))')')dnl
fib(10)
define(`repeat', `ifelse(`$1', `0', `', `$2`'repeat(decr($1), `$2')')')dnl
[repeat(5, `ab')]
define(`forloop', `pushdef(`$1', `$2')_forloop($@)popdef(`$1')')dnl
define(`_forloop', `$4`'ifelse($1, `$3', `', `define(`$1', incr($1))$0($@)')')dnl
forloop(`i', `1', `8', `i ')
define(`reverse', `ifelse(`$#', `0', , `$#', `1', ``$1'', `reverse(shift($@)), `$1'')')dnl
reverse(a, b, c, d)
define(`deep', `ifelse(`$1', `xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', `done', `deep(`x$1')')')deep(`')
