before
m4exit
after (never printed)
