define(`x', `X')dnl
define(`f', `[$1|$2]')dnl
f(a # b, c)
d)
f(a # b
, c)
f(`a # b', c)
f(#, c
)
define(`g', `$#')g(# , , ,
)
len(# abc
)
changecom(`/*', `*/')dnl
f(a /* , */ b, c)
f(/* ( */ x)
changecom`'dnl
f(a # b, c)
