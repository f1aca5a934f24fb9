regexp(`abc', `\(')
regexp(`abc', `[')
regexp(`abc', `a\{1')
regexp(`abc', `*a')
regexp(`abc')
regexp
regexp(`abc', `b', `x', `extra')
[regexp(`abc', `\(b\)', `\2')]
patsubst(`abc', `\(')
patsubst(`abc')
patsubst
patsubst(`abc', `b', `x', `extra')
[patsubst(`abc', `\(b\)', `\2')]
