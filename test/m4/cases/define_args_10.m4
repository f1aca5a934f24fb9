define(`ten', `$10')dnl
ten(1,2,3,4,5,6,7,8,9,X)
ten(1,2,3)
define(`eleven', `$11|$12|$1$1')dnl
eleven(a,b,c,d,e,f,g,h,i,j,K,L)
define(`brace', `${10}|${1}|$1{0}')dnl
brace(a,b,c,d,e,f,g,h,i,j)
define(`big', `$100')big(a) big(1,2,3,4,5,6,7,8,9,10)
define(`lead', `$01 $001 $010')lead(a,b,c,d,e,f,g,h,i,j)
