define(`x', `X')dnl
x dnl this is removed x
x dnl
dnl whole line removed
x dnl`quoted' still removed
define(`y', `Y dnl inside definition
')y after
define(`z', `Zdnl')z
define(`w', `W`'dnl')w rest of line
dnl`'x
`dnl' x
dnlx x
x`'dnl x
define(`twolines', `a
dnl')twolines more
end
