ifelse(`this is a comment')dnl
[ifelse(`x')]
[ifelse()]
ifelse(`multi
line
comment')dnl
[ifelse(define(`side', `effect'))]side
ifelse
[ifelse]
ifelse(`a,b')done
