before
include(`inc/hello.inc')dnl
fromhello
include(`inc/noeol.inc')
after noeol __line__
include(`inc/nested.inc')dnl
back __file__:__line__
[include(`inc/hello.inc')]
define(`f', `inc/hello.inc')include(f)dnl
include(`./inc/hello.inc')dnl
include(`inc/sub/deep.inc')dnl
include(`inc/sub/../hello.inc')dnl
include(`inc/divert.inc')dnl
end __line__
