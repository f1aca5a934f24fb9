incr(`4') decr(`4') incr(`-1') decr(`0') incr(`0') decr(`-5')
incr(`2147483647') decr(`-2147483648')
incr incr() decr()
incr(`abc') decr(`1x')
incr(` 5') incr(`5 ') incr(`+5') incr(`0x10') incr(`010')
incr(`1', `2')
define(`cnt', `0')define(`cnt', incr(cnt))define(`cnt', incr(cnt))cnt
incr(incr(incr(0)))
incr(`99999999999')
