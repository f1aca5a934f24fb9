start
divert(1)dnl
in one
divert(2)dnl
in two
divert(1)dnl
more one
divert(0)dnl
in zero
divert`'dnl
still zero divnum
divert(3)in three divnum
divert
divert()dnl
divert(`')dnl
divert(` 2')dnl
leading space two
divert(0)dnl
end of input
