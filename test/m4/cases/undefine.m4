define(`foo', `FOO')foo
undefine(`foo')foo
undefine(`foo')foo
undefine(`nosuch')done
define(`a', `A')define(`b', `B')define(`c', `C')dnl
undefine(`a', `b')a b c
undefine
[undefine()]
define(`u', `U')undefine(u)u
define(`v', `V')[undefine(`v')]
pushdef(`s', `1')pushdef(`s', `2')s undefine(`s')[s]
define(`self', `undefine(`self')gone')self self
