define(`t1', mkstemp(`/tmp/m4golden.XXXXXX'))dnl
regexp(t1, `^/tmp/m4golden\.[a-zA-Z0-9][a-zA-Z0-9][a-zA-Z0-9][a-zA-Z0-9][a-zA-Z0-9][a-zA-Z0-9]$', `shape ok')
len(t1)
syscmd(`test -f 't1)sysval
syscmd(`test -s 't1)sysval
syscmd(`test "$(stat -c %a 't1`)" = 600')sysval
syscmd(`rm -f 't1)sysval
define(`t2', mkstemp(`/tmp/m4golden.XXX'))dnl
regexp(t2, `^/tmp/m4golden\.......$', `three X padded to six') len(t2)
syscmd(`rm -f 't2)dnl
define(`t3', mkstemp(`/tmp/m4golden.XXXXXX'))define(`t4', mkstemp(`/tmp/m4golden.XXXXXX'))dnl
ifelse(t3, t4, `same', `different')
syscmd(`rm -f 't3 t4)dnl
[mkstemp(`/nonexistent-dir/m4golden.XXXXXX')]
mkstemp
define(`t5', mkstemp(`/tmp/m4golden.XXXXXX', `extra'))dnl
syscmd(`rm -f 't5)dnl
define(`t6', mkstemp(`/tmp/m4goldenXXXXXXabc'))dnl
regexp(t6, `^/tmp/m4goldenXXXXXXabc......$', `X not at end: six appended') len(t6)
syscmd(`rm -f 't6)dnl
define(`t7', mkstemp(`/tmp/m4golden'))dnl
regexp(t7, `^/tmp/m4golden......$', `no X: six appended') len(t7)
syscmd(`rm -f 't7)dnl
define(`t8', mkstemp(`/tmp/m4goldenXXXXXXXXXX'))dnl
regexp(t8, `^/tmp/m4goldenXXXX......$', `only last six replaced') len(t8)
syscmd(`rm -f 't8)dnl
