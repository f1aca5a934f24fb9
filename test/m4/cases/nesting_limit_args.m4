define(`f', `[$1]')dnl
f(f(f(f(f(x)))))
before the failing line
f(f(f(f(f(f(x))))))
after (never)
