define(`f', `F')traceon(`f')f
traceoff`'f
traceon(`f')traceoff(`f')f
traceon`'traceoff(`f')f
traceoff`'dnl
traceoff(`nosuch')dnl
traceoff()dnl
traceon()dnl
define(`', `empty')indir(`')
