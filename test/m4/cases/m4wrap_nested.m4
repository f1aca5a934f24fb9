m4wrap(`outer1
m4wrap(`inner from outer1
')m4wrap(`inner2 from outer1
')')dnl
m4wrap(`outer2
m4wrap(`inner from outer2
')')dnl
define(`rec', `ifelse(`$1', `0', `', `level $1
m4wrap(`rec(decr($1))')')')dnl
m4wrap(`rec(3)')dnl
main
