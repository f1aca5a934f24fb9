include(`search.inc')dnl
include(`sub/deep.inc')dnl
