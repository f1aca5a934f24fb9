define(`deep', `ifelse(`$1', `0', `bottom', `deep(decr($1))')')dnl
deep(10)
define(`nest', `ifelse(`$1', `0', `bottom', `[nest(decr($1))]')')dnl
nest(20)
