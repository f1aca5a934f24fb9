define(`foo', `')dnl
ifdef(`foo', `yes', `no')
ifdef(`bar', `yes', `no')
ifdef(`bar', `yes')
[ifdef(`bar')]
[ifdef(`foo')]
ifdef(`len', `builtin defined')
ifdef(`foo', `a', `b', `extra')
ifdef
[ifdef()]
ifdef(`', `empty defined', `empty undefined')
define(`', `x')ifdef(`', `empty defined', `empty undefined')
ifdef(`foo',`$1 not expanded')
define(`name', `foo')ifdef(name, `via expansion')
ifdef(`name', `quoted: name')
ifdef(`foo', `define(`made', `M')')made
ifdef(`undefd', `', `else-branch')
pushdef(`ps', `1')popdef(`ps')ifdef(`ps', `still', `gone')
