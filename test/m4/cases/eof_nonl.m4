define(`x', `X')dnl
x no newline at end x