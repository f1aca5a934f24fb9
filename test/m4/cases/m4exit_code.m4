before
m4exit(`7')
after
