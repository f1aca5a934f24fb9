m4wrap(`wrapped dnl')dnl
m4wrap(`before
')dnl
main
