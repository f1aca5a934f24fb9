define(`foo', `Foo $1')dnl
traceon(`foo')foo(`a')
dumpdef(`foo')dnl
