eval(`1 ++ 2')
eval(`1 / 0')
this run exits with status 1 because of the invalid operator
