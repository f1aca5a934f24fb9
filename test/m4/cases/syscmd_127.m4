syscmd(`exit 127')sysval
esyscmd(`exit 127')sysval
syscmd(`exit 126')sysval
syscmd(`no-such-command-xyz 2>/dev/null')sysval
esyscmd(`no-such-command-xyz 2>/dev/null')sysval
syscmd(`exit 128')sysval
