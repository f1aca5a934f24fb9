define(`fn', `[$1]')dnl
fn(divert(1)arg text)
divert(0)dnl
fn(`divert(1)quoted arg')
divert(0)dnl
main
define(`gmac', `divert(2)text from the macro
divert(0)')gmac`'after the call
undivert(2)dnl
end
