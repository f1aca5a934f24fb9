define(`x', `X')dnl
x before
`this quote
spans lines x
and never ends
