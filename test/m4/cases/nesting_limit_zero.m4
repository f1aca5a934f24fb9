define(`f', `[$1]')dnl
f(f(f(f(f(f(f(f(f(f(x))))))))))
