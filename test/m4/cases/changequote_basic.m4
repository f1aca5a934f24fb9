define(`x', `X')dnl
changequote([, ])dnl
[x] `x'
define([y], [Y])y [y]
[[nested] [x]]
changequote(`{', `}')dnl
{x} [x]
changequote`'dnl
`x' {x}
changequote(<<, >>)dnl
<<x>> <x>
changequote`'dnl
`done'
