include(`search.inc')dnl
include(`only2.inc')dnl
include(`sub/deep.inc')dnl
include(`inc/hello.inc')dnl
include(`hello.inc')dnl
include(`nothere.inc')dnl
sinclude(`nothere.inc')dnl
include(`/nonexistent/abs.inc')dnl
