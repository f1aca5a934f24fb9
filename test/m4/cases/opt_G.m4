define(`x', `X')x
ifdef(`unix', `unix defined') ifdef(`__unix__', `__unix__ defined', `no __unix__') ifdef(`__gnu__', `gnu', `no gnu')
format(`%d', 1) patsubst(`a', `a', `b') regexp(`a', `a') indir(`x') builtin(`len', `a')
esyscmd(`echo hi') debugmode debugfile __file__ __line__ __program__
len(`abc') index(`abc', `b') substr(`abc', 1) translit(`abc', `a', `A') eval(2**3) incr(1)
define(`ten', `$10')ten(1,2,3,4,5,6,7,8,9,10)
shift(a, b) ifelse(a, a, yes) divnum
undivert(`inc/hello.inc')
changequote([, ])[quoted]changequote
m4wrap(`wrap
')dnl
define(`tmpl', maketemp(`/tmp/m4goldenXXXXXX'))len(tmpl) translit(tmpl, `0-9', `##########')
syscmd(`rm -f 'tmpl)dnl
