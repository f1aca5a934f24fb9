divert(1)one
divert(2)two
divert(3)three
divert(0)dnl
undivert(2)dnl
---
undivert(2)dnl
--- again (empty)
undivert(3, 1)dnl
---
divert(1)new one
divert(2)new two
divert(0)dnl
undivert dnl
---
divert(4)four
divert(5)five
divert(0)dnl
undivert(`5', `5', `4')dnl
---
divert(1)x
divert(2)y
divert(0)dnl
undivert()dnl
undivert(`')dnl
undivert(`z')dnl
undivert(` 1')dnl
---
undivert(0)dnl
divert(2)into two
divert(1)undivert(2)dnl
divert(0)dnl
undivert(1)dnl
--- end
