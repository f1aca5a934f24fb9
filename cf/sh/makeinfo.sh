#!/bin/sh
# makeinfo.sh CFDIR -- the "who built this and where" comment lines that go
# near the top of a generated sendmail.cf.  Build with -D_NO_MAKEINFO_ to
# leave them out (then the output depends on the .mc file only).
who=${LOGNAME:-${USER:-`id -un 2>/dev/null || echo unknown`}}
host=`uname -n 2>/dev/null || echo localhost`
when=`LC_ALL=C date 2>/dev/null`
echo "#####  built by $who@$host on $when"
echo "#####  in `pwd`"
echo "#####  using ${1:-.} as the configuration library"
