define(`x', `X')dnl
`x'
``x''
```x'''
`a `b `c' d' e'
`'x`'
`unbalanced '' close'
'lone close quote
`' `' `'
define(`q', ``$1'')q(x) q(`x') q(``x'')
define(`qq', `$1')qq(``x'') qq(```x''')
`multi
line
quote'
`quote with # hash'
`quote with dnl inside'
`(unbalanced paren'
x`'x
`x'x
x`x'
