include(`nonexistent.inc')dnl
m4exit(0)
