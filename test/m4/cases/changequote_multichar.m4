define(`x', `X')dnl
changequote(`<!--', `-->')dnl
<!--x--> x
<!--<!--nested-->x-->
<!-- -- partial --> x
<!--- x --->
define(<!--y-->, <!--Y-->)y
changequote(<!--[[-->, <!--]]-->)dnl
[[x]] [x] [[ [[x]] ]]
[[a]b]] x
[[a]]]b
changequote([[<<<]], [[>]])dnl
<<<x> <<x <<<<x>>
changequote(<<<((>, <<<))>)dnl
((x)) define(((z)), ((Z)))z
(((x)))
changequote((([[)), ((]])))dnl
[[[x]]] [[[[x]]]]
changequote`'dnl
`x'
