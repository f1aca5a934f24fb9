define(`x', `X')dnl
changecom(`/*', `*/')dnl
x before /* comment
spans lines x
and never ends
