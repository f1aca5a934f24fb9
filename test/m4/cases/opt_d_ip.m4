include(`search.inc')dnl
sinclude(`nonexistent.inc')dnl
include(`inc/noeol.inc')
