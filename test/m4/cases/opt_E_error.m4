before
include(`nonexistent.inc')
after error
