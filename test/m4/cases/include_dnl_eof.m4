define(`x', `X')dnl
include(`inc/dnl_eof.inc')this text is eaten by dnl x
line after x
include(`inc/noeol.inc')x joined
include(`inc/unterminated.inc')x
never reached
