define(`foo', `Hello')dnl
foo
foo bar foo
define(`bar', `foo world')dnl
bar
`foo' is quoted
define(`empty')dnl
[empty]
define(`empty2', `')dnl
[empty2]
define(foo, `redefined')dnl
foo Hello
define(`foo', `again')foo
define(`x1', `one')x1 x1x1 x1_ _x1 1x1
define(`_', `under')_ __ _x
define(`A', `a')A a
define(`w', `[$1]')w w() w(  leading) w(trailing  ) w( both )
w(
	newline)
w(`  quoted leading')
define(`nl', `
')[nl]
define(`result', define(`inner', `x'))[result][inner]
