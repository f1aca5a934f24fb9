 (after noeol) main file __file__:__line__
define(`x', `X')dnl
