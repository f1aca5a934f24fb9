define(`x', `X')dnl
undivert(`inc/hello.inc')dnl
---
[undivert(`inc/noeol.inc')]
divert(1)undivert(`inc/search.inc')divert(0)dnl
---
undivert(`nonexistent.inc')dnl
undivert(`inc')dnl
undivert(`search.inc')dnl
undivert(1)dnl
--- end
