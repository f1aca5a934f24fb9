eval(`1/0')
indir(`nosuch')
still running
