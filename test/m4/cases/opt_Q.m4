len(`a', `b')
eval(`1/0')
include(`nonexistent.inc')dnl
indir(`nosuch')
define(`a', `b', `c')
substr(`abc', `x')
dnl(`x')
ifelse(`a')
regexp(`abc', `\(')
eval(`1 = 1')
printed anyway
