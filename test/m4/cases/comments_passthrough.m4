# Leading comment line with define(`x', `X') inside
x
define(`x', `X')dnl # comment after dnl is swallowed
x # trailing comment x
#no space x
##double x
 # indented x
x#x
define(`y', `Y')y#y
#
# empty comment above
x
# dnl in comment
still here
# last comment x
