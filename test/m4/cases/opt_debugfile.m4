define(`foo', `Foo')foo
dumpdef(`foo')dnl
errprint(`errprint still to stderr
')dnl
debugfile`'foo
