define(`show', `<$1>')dnl
show(a,
b) __line__
show(`multi
line
quoted') __line__
define(`trace_line', `__line__')dnl
show(
trace_line) __line__
show(trace_line
) __line__
show(`x'
,
`y'
) __line__
len(`
') __line__
