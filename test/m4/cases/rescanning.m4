define(`a', `b')define(`b', `c')define(`c', `end')dnl
a b c
`a' ``a''
define(`x', ``a'')x
define(`y', `a`'a')y
define(`paren', `(1,2)')define(`two', `[$1|$2]')two paren
define(`call', `two')call(p, q)
define(`open', `two(')open a, b)
define(`lq', `changequote(<,>)')lq<quoted a>changequote`'
define(`mk', `define(`$1', `$2')')mk(`new', `made')new
define(`AB', `ab')define(`A', `[a]')A`'B AB
define(`join', `$1$2')join(`a', `b') join(`A', `B')
define(`stop', `a')stop`'b
define(`cat3', `$1$2$3')cat3(`d', `ef', `ine')(`zz', `ZZ')zz
define(`ex', `e')define(`e', `E')ex`'x
define(`N', `1')define(`f1', `one')f`'N
define(`word', `wo')`'word`'rd
