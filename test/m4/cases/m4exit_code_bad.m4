before
m4exit(`abc')
after
