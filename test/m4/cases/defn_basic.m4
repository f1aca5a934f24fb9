define(`foo', `Hello $1')dnl
defn(`foo')
[defn(`foo')]
define(`bar', defn(`foo'))bar(world)
define(`baz', `$1 rest')[defn(`baz')]
[defn(`nosuch')]
[defn(`foo', `baz')]
[defn(`foo', `nosuch', `baz')]
define(`q', `a`b'c')[defn(`q')]
define(`lq', `x`'y')[defn(`lq')]
defn
[defn()]
define(`cq', `changequote([,])')cq[defn([cq])]changequote
