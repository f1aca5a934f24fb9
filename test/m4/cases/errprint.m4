errprint(`message one
')dnl
errprint(`no newline')errprint(`
')dnl
errprint(`a', `b', `c')errprint(`
')dnl
[errprint(`x
')]
errprint
errprint()dnl
errprint(`')dnl
define(`x', `X')errprint(`x is ', x, `
')dnl
errprint(`quoted `nested' text
')dnl
stdout line
errprint(__file__:__line__: `custom location
')dnl
