define(`x', `X')dnl
changequote(`#', `@')dnl
#x@ x # comment? x
changequote`'dnl
changequote(`/*', `*/')dnl
/* x */ x # x
changequote`'dnl
changecom(`[', `]')changequote(`[', `]')dnl
[x] x
changequote`'changecom`'dnl
`x' # x
changecom(`#')changequote(`#', `#')dnl
#x# x
changequote`'dnl
# x `x'
