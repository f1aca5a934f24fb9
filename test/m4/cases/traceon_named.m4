define(`foo', `Foo $1')define(`bar', `Bar')dnl
traceon(`foo')dnl
foo(bar) bar
traceon(`bar', `len')dnl
foo(bar) len(`xy')
traceoff(`foo')dnl
foo(bar)
traceon(`nosuch')dnl
define(`nosuch', `now defined')nosuch
undefine(`bar')define(`bar', `redefined')bar
traceoff(`bar', `len', `nosuch')dnl
foo bar len(a)
traceon(`ifelse')ifelse(`a', `b', `c', `d')
traceon(`shift')shift(1, `2', 3)
traceon(`define')define(`d', `e')
traceon(`dnl')dnl
trailing
