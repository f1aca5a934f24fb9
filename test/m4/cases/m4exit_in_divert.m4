divert(2)pending two
divert(1)dnl
text in one
m4exit(5)
