define(`foo', `Foo $1')dnl
traceon`'dnl
foo(`bar')
define(`baz', `x')baz
len(`abc')
traceoff`'dnl
foo(`off')
