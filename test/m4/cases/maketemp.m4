define(`t1', maketemp(`/tmp/m4golden.XXXXXX'))dnl
regexp(t1, `^/tmp/m4golden\.......$', `shape ok')
syscmd(`test -f 't1)sysval
syscmd(`rm -f 't1)dnl
define(`t2', maketemp(`/tmp/m4golden.X'))dnl
regexp(t2, `^/tmp/m4golden\.......$', `padded') len(t2)
syscmd(`rm -f 't2)dnl
maketemp
[maketemp(`/nonexistent-dir/m4golden.XXXXXX')]
