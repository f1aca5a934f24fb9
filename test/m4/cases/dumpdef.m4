define(`foo', `Hello $1')dnl
define(`bar', `multi
line')dnl
define(`empty', `')dnl
dumpdef(`foo')dnl
dumpdef(`bar', `empty')dnl
dumpdef(`nosuch')dnl
dumpdef(`len', `define', `dnl')dnl
pushdef(`foo', `pushed')dumpdef(`foo')dnl
define(`q', `has `quotes' and , comma')dumpdef(`q')dnl
changequote([, ])dumpdef([q])changequote`'dnl
[dumpdef(`foo')]
define(`copy', defn(`eval'))dumpdef(`copy')dnl
dumpdef(`foo', `nosuch', `bar')dnl
dumpdef()dnl
done
