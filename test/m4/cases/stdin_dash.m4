fromstdin
file line __file__:__line__
