divnum
divert(5)divnum
divert(-1)divnum
divert(0)divnum
divnum(`x')
[divnum]
define(`d', defn(`divnum'))divert(7)d
divert(0)dnl
undivert`'dnl
