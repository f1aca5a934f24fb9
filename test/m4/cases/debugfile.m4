define(`foo', `Foo')traceon(`foo')dnl
foo
debugfile(`')dnl
foo discarded trace
dumpdef(`foo')dnl
debugfile`'dnl
foo back to stderr
debugfile()dnl
foo discarded again
debugfile
foo restored
debugfile(`/nonexistent-dir/x/y')dnl
foo after failed open
debugfile(`', `extra')dnl
foo
errprint(`errprint is not debug output
')dnl
