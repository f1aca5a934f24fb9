syscmd(`echo hello from shell')dnl
syscmd(`echo "a b" | tr a-z A-Z')dnl
[syscmd(`printf no-newline')]
syscmd(`true')sysval
syscmd(`false')sysval
syscmd(`exit 3')sysval
syscmd(`exit 255')sysval
syscmd(`echo to stderr >&2')sysval
syscmd(`nonexistent-command-xyz 2>/dev/null')sysval
syscmd(`')sysval
syscmd
syscmd(`echo a', `extra')
define(`x', `X')syscmd(`echo x')dnl
divert(1)syscmd(`echo in diversion one')divert(0)dnl
syscmd(`echo before undivert')dnl
undivert(1)dnl
syscmd(`echo $0 | grep -c sh')dnl
syscmd(`cat')dnl
sysval
