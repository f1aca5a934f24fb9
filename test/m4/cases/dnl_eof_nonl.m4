define(`x', `X')dnl
x dnl