define(`foo', `Foo $1')dnl
foo(`a')
include(`inc/noeol.inc')
