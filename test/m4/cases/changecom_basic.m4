define(`x', `X')dnl
# x comment
x # x
changecom(`/*', `*/')dnl
/* x */ x # x
/* multi
line x */ x
changecom(`%')dnl
% x
x # x
changecom(`[[', `]]')dnl
[[ x ]] x [ x ]
changecom`'dnl
# x
changecom(`#', `')dnl
# x
x
changecom(`#')dnl
# x
changecom(`;', `;')dnl
; x ; x ; x ;
changecom(`rem', `
')dnl
rem x
xrem x
changecom(`//')dnl
// x
x//x
changecom(`#', `
', `extra')dnl
# end
