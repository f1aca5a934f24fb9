len(`abc') len(`') len() len(abc) len(`a,b') len(  abc) len(`  abc')
len(`multi
line') len(`tab	char')
define(`x', `hello')len(x) len(`x')
len
len(`a', `b')
len(`äö')
len(len(`abcdefghijk'))
