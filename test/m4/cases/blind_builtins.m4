[define] [undefine] [defn] [pushdef] [popdef] [indir] [builtin] [ifdef] [ifelse] [shift]
[changeword] [include] [sinclude] [len] [index] [regexp] [substr] [translit] [patsubst] [format]
[incr] [decr] [eval] [syscmd] [esyscmd] [mkstemp] [maketemp] [errprint] [m4wrap] [traceon]
[debugmode] [debugfile] [undivert] [divert] [divnum] [changequote] [changecom] [dumpdef] [sysval] [traceoff]
[__file__] [__line__] [__program__]
define (`x', `y')x
len (`abc')
len	(`abc')
len
(`abc')
define(`f', `F')f (1) f(1)
