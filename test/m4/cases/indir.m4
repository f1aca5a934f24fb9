define(`foo', `[$1|$2|$#]')dnl
indir(`foo', a, b)
indir(`foo')
indir(`foo',)
define(`weird-name', `W:$1')indir(`weird-name', `arg')
weird-name
indir(`nosuch', a)
[indir(`nosuch')]
indir
[indir()]
indir(`len', `hello')
indir(`indir', `foo', x)
indir(`define', `via', `indirect')via
define(`$1', `dollar')indir(`$1')
indir(`foo', `a,b', c)
define(`q', `$@')indir(`q', a, `b')
indir(`defn', `foo')
indir(`ifelse', a, a, yes, no)
indir(`eval', `1+2')
indir(`eval')
indir(`len')
