define(`x', `1')pushdef(`x', `2')pushdef(`x', `3')x
popdef(`x')x
popdef(`x')x
popdef(`x')x
popdef(`x')x
pushdef(`y', `first')y
define(`y', `replaced')y
popdef(`y')[y]
pushdef(`z', `Z1')pushdef(`z', `Z2')define(`z', `Z3')z popdef(`z')z popdef(`z')z
pushdef(`a', `A1')pushdef(`b', `B1')pushdef(`a', `A2')pushdef(`b', `B2')a b
popdef(`a', `b')a b
popdef(`a', `b')a b
pushdef(`len', `mylen')len(abc)
popdef(`len')len(abc)
popdef(`len')len(abc)
pushdef(`p', `P1')pushdef(`p', `P2')undefine(`p')[p]
popdef
[popdef()]
popdef(`nosuch')ok
pushdef(`r', `R1')pushdef(`r', defn(`r')`+')r
