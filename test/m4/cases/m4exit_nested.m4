define(`f', `before m4exit(`6') after')dnl
f
never
