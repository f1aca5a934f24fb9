define(`w', `[$1]')dnl
len(`Ã©é')
w(été)
define(`café', `cafe')café indir(`café')
translit(`éè', `è-ê', `abc')
substr(`Ã©x', 1)
index(`aÃ©b', `b')
format(`%c', 233)
ÿş raw bytes
regexp(`é', `[à-ï]')
patsubst(`héllo', `.', `[\&]')
