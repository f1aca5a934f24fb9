divert(-1)
define(`x', `X')
this text is discarded
divert(0)dnl
x visible
divert(-5)discarded -5 divnum
divert(-2147483648)discarded big negative
divert(0)dnl
divnum
divert(-1)undivert(-1)divert(0)dnl
undivert(-1)dnl
undivert(-3)dnl
done
