define(`show', `<$1>')dnl
show( a) show(	b) show(
c) show(  
	d)
show(a ) show(a	) show(a
)
show( `  quoted ' )
show(`' x)
show( ` ' )
define(`all', `<$*>')all( a , b ,	c	)
all(
a,
b
)
show(a`'b)
show( (a) )
show( ( a , b ) )
