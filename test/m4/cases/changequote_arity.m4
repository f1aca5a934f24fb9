define(`x', `X')dnl
changequote(`[', `]', `extra')dnl
[x]
changequote
`x'
changequote(`xx', `yy')dnl
xxxyy x
changequote(xx`yy, xx'yy)dnl
`x' x
changequote`'dnl
changequote(`$', `$')dnl
define($q$, $Q$)q(a) $x$ $$x$$
changequote(`(', `)')dnl
(x) define((w), (W))w
changequote`'dnl
changequote(`a', `b')dnl
a x b and
changequote`'dnl
`end'
