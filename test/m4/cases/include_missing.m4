before
include(`nonexistent.inc')dnl
after __line__
include(`inc')dnl
include(`')dnl
include
include()dnl
include(`inc/hello.inc', `extra')dnl
include(`nonexistent.inc', `extra')dnl
still running
