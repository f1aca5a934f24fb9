b)
after __file__:__line__
