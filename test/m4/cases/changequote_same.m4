define(`x', `X')dnl
changequote(`"', `"')dnl
"x" x
"a "x" b"
define("y", "Y")y "y"
changequote(`|', `|')dnl
|x| ||x|| |a|x|b|
changequote(`%%', `%%')dnl
%%x%% x %%%%
changequote`'dnl
`end'
