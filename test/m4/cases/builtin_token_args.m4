[len(defn(`len'))]
[ifelse(defn(`len'), `', `empty', `nonempty')]
[ifdef(defn(`len'), `yes', `no')]
[index(defn(`len'), `')]
define(defn(`len'), `x')
define(`f', `[$1]')f(defn(`len'))
define(`g', `$#')g(defn(`len'), defn(`eval'))
define(`h', `$1(`abc')')h(defn(`len'))
define(`k', `$@')k(defn(`len'))
