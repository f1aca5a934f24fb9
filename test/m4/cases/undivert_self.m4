divert(1)one
undivert(1)dnl
after the self call
divert(2)two
divert(1)undivert`'dnl
after all-undivert inside one
divert(0)dnl
undivert(1)dnl
divert(2)two again
divert(3)three
undivert(2)dnl
divert(0)dnl
undivert dnl
--- end
