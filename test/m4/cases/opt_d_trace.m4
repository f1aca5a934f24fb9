define(`foo', `Foo $1')dnl
foo(`a') len(`x')
