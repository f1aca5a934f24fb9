define(`a', `a(a)')dnl
before
a
after (never)
