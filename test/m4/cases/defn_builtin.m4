define(`mydef', defn(`define'))dnl
mydef(`x', `X')x
define(`mylen', defn(`len'))mylen(`hello')
[defn(`len')]
[defn(`len', `len')]
[defn(`len', `foo')]
define(`foo', `F')dnl
define(`both', defn(`foo', `len'))[both]
define(`t', `pre'defn(`len')`post')[t]
define(`t2', defn(`len')defn(`len'))[t2(abc)]
define(`u', defn(`undefine'))u(`x')x
pushdef(`define', `redefined')define
popdef(`define')define(`w', `W')w
define(`orig', defn(`eval'))undefine(`eval')orig(2*3)
defn(`divnum')
mylen
mylen(`a', `b')
