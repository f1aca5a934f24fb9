define(`n', `$#')dnl
n n() n(a) n(a,b) n(,) n(,,) n(`,') n((,)) n(`')
define(`star', `[$*]')dnl
star star() star(a) star(a,b,c) star( a , b ) star(`a,b',c)
define(`at', `[$@]')dnl
at at() at(a) at(a,b,c) at( a , b ) at(`a,b',c)
define(`zero', ``$0'')zero zero(x)
define(`self', `name=`$0' n=$#')self(1,2,3)
define(`a1', `A')define(`b1', `B')dnl
star(`a1', `b1') at(`a1', `b1')
define(`fwd_star', `star($*)')define(`fwd_at', `at($@)')dnl
fwd_star(`a1', `b1') fwd_at(`a1', `b1')
fwd_star(`x,y') fwd_at(`x,y')
define(`count', `$#')count($*) count($@)
define(`cnt', `count($@)')cnt cnt() cnt(a,b) cnt(`a,b')
define(`cnt2', `count($*)')cnt2 cnt2() cnt2(a,b) cnt2(`a,b')
define(`q1', ``$1'')q1(a1) q1(`a1')
