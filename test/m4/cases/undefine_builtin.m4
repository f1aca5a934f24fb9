undefine(`len')len(abc)
undefine(`define')define(`x', `y')x
undefine(`undefine')undefine(`eval')eval(1+1)
