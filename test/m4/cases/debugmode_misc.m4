define(`foo', `multi
line $1')dnl
debugmode(`aeq')traceon(`foo')dnl
foo(`arg
with newline')
foo(`with	tab')
define(`long', `LONG')traceon(`long')long
debugmode(`aeql')traceon(`include', `sinclude')sinclude(`nonexistent')
debugmode(`i')dnl
debugmode(`p')dnl
debugmode(`aeq')define(`r', ``$0' $@')traceon(`r')r(`a', `b')
debugmode(`d')dnl
debugmode(`aeq')traceon(`defn', `define')define(`cp', defn(`len'))
defn(`len')
traceon(`cp')cp(`abcd')
traceon(`m4wrap')m4wrap(`wrapped
')dnl
