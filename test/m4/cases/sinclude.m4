before
sinclude(`nonexistent.inc')dnl
[sinclude(`nonexistent.inc')]
sinclude(`inc/hello.inc')dnl
sinclude(`inc')dnl
sinclude(`')dnl
sinclude
sinclude()dnl
sinclude(`nonexistent.inc', `extra')dnl
after
