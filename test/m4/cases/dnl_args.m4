dnl(`arg')rest of line
dnl(a, b, c) more
dnl() empty parens
dnl(
multi-line arg) x
dnl (space before paren)
done
