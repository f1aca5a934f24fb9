m4wrap(`define(`f', `[$1]')f(unterminated')dnl
main
