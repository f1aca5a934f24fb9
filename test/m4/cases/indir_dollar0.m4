define(`me', ``$0'')dnl
me indir(`me') builtin(`indir', `me')
define(`other', defn(`me'))other indir(`other')
pushdef(`me', ``pushed $0'')me
define(`$0', `weird')indir(`$0')
define(`name with space', ``$0' $1')indir(`name with space', `arg')
