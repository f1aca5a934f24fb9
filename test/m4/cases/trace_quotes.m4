define(`foo', `Foo $1')dnl
debugmode(`aeq')traceon(`foo')dnl
foo(`x')
changequote([, ])dnl
foo([y])
dumpdef([foo])dnl
changequote(<<<, >>>)dnl
foo(<<<z>>>)
changequote(, )dnl
foo(w)
changequote`'dnl
foo(`v')
