esyscmd(`echo hello')dnl
[esyscmd(`printf "no newline"')]
define(`x', `X')esyscmd(`echo x')dnl
changequote([,])esyscmd([echo "define([yy], [YY])dnl"])changequote`'yy
esyscmd(`exit 4')sysval
esyscmd(`echo out; exit 2')sysval
esyscmd(`echo err >&2')sysval
[esyscmd(`')]sysval
esyscmd
esyscmd(`echo a', `extra')dnl
esyscmd(`printf "a\nb\n"')dnl
len(esyscmd(`printf abc'))
changequote([,])esyscmd([printf "%s" "\`quoted'"])changequote`'
esyscmd(`cat')sysval
translit(esyscmd(`echo hello'), `
')
