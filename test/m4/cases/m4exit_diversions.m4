divert(1)diverted text is lost on exit
divert(0)dnl
m4wrap(`wrapped text is discarded too
')dnl
main
m4exit(0)
