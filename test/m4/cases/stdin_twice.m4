main __file__:__line__
