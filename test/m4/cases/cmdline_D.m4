foo [empty] [novalue] sep long x len(abc)
ifdef(`novalue', `novalue defined')
dumpdef(`foo', `novalue')dnl
