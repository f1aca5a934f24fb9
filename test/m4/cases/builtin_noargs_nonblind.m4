define(`x', `X')dnl
[divnum] [sysval] [__line__] [__file__]
[traceoff]
[debugmode]
[undivert]
[changecom]# x
changecom(`#')dnl
[changequote]
[dumpdef(`x')]
[dnl] not printed
[m4exit(`0')]
