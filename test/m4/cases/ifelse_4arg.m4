ifelse(`a', `a', `yes', `no')
ifelse(`a', `b', `yes', `no')
ifelse(`foo', `foo', `$1 stays', `no')
define(`x', `1')ifelse(x, `1', `x is one', `x not one')
ifelse(`x', `1', `quoted x is one', `quoted x not one')
ifelse(`', `', `', `no')[]
ifelse(a, b, , `else')
ifelse(a, a, `then', )[]
ifelse(`a,b', `a,b', `comma ok', `bad')
ifelse(`(', `(', `paren ok', `bad')
ifelse(eval(1+1), 2, `eval ok', `bad')
ifelse(len(`abc'), 3, `len ok')
define(`cmp', `ifelse(`$1', `$2', `same', `diff')')cmp(a, a) cmp(a, b) cmp(`a,b', a)
ifelse(`A', `a', `case-insensitive', `case-sensitive')
