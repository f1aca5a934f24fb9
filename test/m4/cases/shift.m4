shift(a, b, c)
shift(`a', `b', `c')
[shift(a)]
[shift()]
shift
[shift(,)]
shift(a,,c)
define(`x', `X')shift(a, `x', x)
define(`last', `ifelse($#, 1, `$1', `last(shift($@))')')last(a, b, c, d)
define(`rev', `ifelse($#, 0, , $#, 1, `$1', `rev(shift($@))`,'$1')')rev(1, 2, 3, 4)
define(`first', `$1')first(shift(shift(a, b, c, d)))
define(`count', `$#')count(shift(a,b,c)) count(shift(a)) count(shift())
shift(shift(shift(shift(a,b,c))))end
define(`join', `ifelse($#, 1, `$1', `$1-join(shift($@))')')join(a, `b,c', d)
shift(`a', `(b', `c)')
