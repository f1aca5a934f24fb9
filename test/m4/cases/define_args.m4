define(`args', `1=$1 2=$2 3=$3 4=$4 5=$5 6=$6 7=$7 8=$8 9=$9')dnl
args
args()
args(a)
args(a,b,c,d,e,f,g,h,i,j,k)
args(`a,b', c)
args((a,b), c)
args((a,(b,c)), d)
args(`(', `)')
args(( ), x)
define(`swap', `$2$1')swap(x, y) swap(`x', `y')
define(`cat', `$1$2$3')cat(a, b ,c ) cat(  a  ,  b  ,  c  )
define(`q', `$1')q(`nested `quotes' here')
q(a
b, c)
q(`a
b')
q(
)
define(`twice', `$1$1')twice(twice(ab))
define(`arg1', `$1')arg1(arg1(arg1(deep)))
