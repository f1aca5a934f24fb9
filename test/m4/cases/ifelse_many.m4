define(`sw', `ifelse(`$1', `a', `is a', `$1', `b', `is b', `$1', `c', `is c', `other')')dnl
sw(a) sw(b) sw(c) sw(d) sw()
ifelse(`x', `y', `1', `x', `x', `2', `3')
ifelse(`x', `y', `1', `x', `z', `2', `3')
ifelse(`x', `y', `1', `x', `z', `2', `x', `x', `4', `5')
ifelse(`a',`a',`first',`a',`a',`second',`third')
ifelse(`1', `2', `3', `4', `5', `6', `7', `8', `9', `10', `11', `12', `13')
ifelse(`1', `2', `3', `4', `5', `6', `7', `8', `9', `9', `eleven', `12', `13')
