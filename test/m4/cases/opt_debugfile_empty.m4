define(`foo', `Foo')foo
