q m(1, 2) nl
defn(`q')
