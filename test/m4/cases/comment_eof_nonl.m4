define(`x', `X')dnl
x
# comment at EOF without newline x