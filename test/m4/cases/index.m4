index(`gnus, gnats, and armadillos', `nat')
index(`gnus, gnats, and armadillos', `dag')
index(`abc', `')
index(`', `')
index(`', `a')
index(`aaa', `aa')
index(`abcabc', `c')
index(`abc', `abc')
index(`abc', `abcd')
index(`Hello', `h')
index
index(`abc')
index(`abc', `b', `extra')
index(`a
b', `
')
