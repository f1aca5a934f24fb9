before
len(`a', `b')
after warning
include(`nonexistent.inc')
after error
