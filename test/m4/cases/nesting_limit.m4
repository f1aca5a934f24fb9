define(`a', `a(')dnl
before
a
after
