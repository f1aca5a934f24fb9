define(`x', `X')dnl
changecom()dnl
# x
changecom(`#')dnl
# x
changecom(,)dnl
# x
changecom(`', `]')dnl
# x ] x
changecom
# x
changecom(`#', `
')dnl
# x
