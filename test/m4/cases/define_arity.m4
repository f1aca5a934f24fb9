define
[define()]
define(`x')[x]
define(`y', `Y', `extra')[y]
define(`z', `Z', `e1', `e2')[z]
define(`', `empty name')[]
define(`  sp', `space')[indir(`  sp')]
define(`a-b', `dash')a-b [indir(`a-b')]
define(`1x', `digit')1x [indir(`1x')]
pushdef
pushdef(`p')[p]
pushdef(`p2', `P', `extra')[p2]
