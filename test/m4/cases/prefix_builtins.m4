define(`x', `X')x
m4_define(`x', `X')x
m4_len(`abc') len(`abc')
m4_ifelse(`a', `a', `yes', `no')
m4_dnl comment
m4___file__ m4___line__ __file__ __line__ m4___program__
[m4___gnu__] [m4___unix__] m4_ifdef(`__gnu__', `plain gnu', `no plain gnu') m4_ifdef(`m4___gnu__', `prefixed gnu')
m4_divnum m4_eval(`1+1')
m4_dumpdef(`m4_len', `x')m4_dnl
m4_defn(`x') m4_indir(`m4_len', `xy') m4_builtin(`m4_len', `xyz') m4_builtin(`len', `xyz')
m4_ifdef(`m4_unix', `m4_unix', `no m4_unix') m4_ifdef(`unix', `unix', `no unix') m4_ifdef(`__unix__', `plain __unix__', `no plain __unix__')
m4_traceon(`x')x m4_traceoff(`x')m4_dnl
m4_changequote([, ])m4_dnl
[quoted] m4_changequote`'m4_dnl
m4_syscmd(`echo shell')m4_dnl
m4_patsubst(`abc', `b', `B') m4_regexp(`abc', `c') m4_format(`%d', 5) m4_translit(`abc', `a', `A') m4_substr(`abc', 1) m4_index(`abc', `c')
m4_m4wrap(`wrapped
')m4_dnl
m4_divert(1)diverted
m4_divert(0)m4_dnl
m4_m4exit
