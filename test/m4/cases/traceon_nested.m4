define(`a', `b($1)')define(`b', `c($1)')define(`c', `[$1]')dnl
traceon(`a', `b', `c')dnl
a(x)
a(a(y))
define(`q', `$@')traceon(`q')q(`x', y)
traceon(`eval')eval(`1+1', 16)
traceon(`defn')defn(`a')
traceon(`indir')indir(`c', z)
traceon(`builtin')builtin(`len', `ab')
