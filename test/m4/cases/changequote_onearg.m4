define(`x', `X')dnl
changequote(`[')dnl
[x'] [x]'
changequote([`],['])dnl
changequote(`<<')dnl
<<x' x'
changequote(<<`'', <<''')dnl
changequote(`|')dnl
|x' |x|'
changequote`'dnl
`end'
