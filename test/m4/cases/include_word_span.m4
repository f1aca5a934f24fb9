define(`incx', `INCX')define(`x', `X')dnl
include(`inc/noeol.inc')x
