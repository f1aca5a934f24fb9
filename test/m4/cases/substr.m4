substr(`gnus, gnats, and armadillos', `11')
substr(`gnus, gnats, and armadillos', `11', `5')
substr(`abcdef', 0) substr(`abcdef', 0, 0) substr(`abcdef', 2, 2)
[substr(`abcdef', 6)] [substr(`abcdef', 10)] [substr(`abcdef', 3, 100)]
[substr(`abcdef', -1)] [substr(`abcdef', 2, -1)] [substr(`abcdef', -2, 4)]
substr(`abcdef', ` 2') substr(`abcdef', `+2') substr(`abcdef', `2 ')
[substr(`abcdef', `x')] [substr(`abcdef', `2x')] [substr(`abcdef', 1, `y')]
[substr(`abcdef', `')] [substr(`abcdef', 1, `')]
substr
[substr(`abc')]
substr(`abcdef', 1, 2, 3)
substr(`abcdef', 0x2) substr(`abcdef', 010)
define(`x', `X')substr(`axb', 1, 1) substr(`a`x'b', 1, 3)
