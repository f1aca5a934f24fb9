define(`zeta', `Z')define(`alpha', `A')define(`mid', `M')pushdef(`mid', `M2')dnl
undefine(`eval')undefine(`len')dnl
dumpdef`'dnl
