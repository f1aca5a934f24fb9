define(`x', `X')dnl
[define(`a', `b', `c')] [undefine(`a', `b')] [defn(`x', `x')] [pushdef(`a', `b', `c')] [popdef(`a', `b')]
[ifdef(`x', `y', `z', `w')] [shift(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)]
[include(`inc/noeol.inc', `b')] [sinclude(`nope', `b')] [len(`a', `b')] [index(`a', `b', `c')]
[regexp(`a', `b', `c', `d')] [substr(`a', `0', `1', `d')] [translit(`a', `b', `c', `d')]
[patsubst(`a', `b', `c', `d')] [incr(`1', `2')] [decr(`1', `2')] [eval(`1', `10', `1', `x')]
[syscmd(`true', `b')] [esyscmd(`true', `b')] [errprint(`e1', `e2
')] [m4wrap(`w1', `w2
')] [traceon(`nosuchA', `nosuchB')] [traceoff(`nosuchA', `nosuchB')]
[divert(`0', `1')] [divnum(`1')] [changequote(`a', `b', `c')] [changecom(`a', `b', `c')]
changequote`'changecom(`#')dnl
[dnl(`a')]
[sysval(`1')] [__file__(`1')] [__line__(`1')] [__program__(`1')] [__gnu__(`1')] [debugmode(`a', `b')]
debugmode`'[debugfile(`', `x')]debugfile`'
[m4exit(`0', `1')]
