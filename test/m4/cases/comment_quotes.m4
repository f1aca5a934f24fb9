define(`x', `X')dnl
`# x in quotes' x
# `x in comment' x
# ` unbalanced open quote in comment
x after
# ' unbalanced close quote in comment
x after
`quote spanning # comment char
x' x
define(`c', `# x in definition')c
define(`d', `text # x
more x')d
define(`e', # comment in args x
`E')e
changecom(`[', `]')dnl
`[x]' [x] x
[`x]' x
changecom`'changequote(`[', `]')dnl
[# x] # [x]
changequote`'dnl
