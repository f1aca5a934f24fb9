divert(10)ten
divert(9)nine
divert(100)hundred
divert(1000)thousand
divert(11)eleven
divert(2147483647)max
divert(0)dnl
divnum
divert(2147483648)overflow divnum
divert(0)dnl
divert(`x')dnl
non-numeric divnum
divert(`1', `2')extra divnum
divert(0)dnl
undivert(100)dnl
--- rest at end
