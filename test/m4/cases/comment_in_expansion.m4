define(`x', `X')dnl
define(`c1', `a # x
x')c1
define(`c2', `before # x')c2 x after
define(`c3', `# unterminated in expansion x')c3
x
define(`f', `[$1]')dnl
f(`# x', x)
define(`h', `#')h x
f(c2)
these lines are eaten
