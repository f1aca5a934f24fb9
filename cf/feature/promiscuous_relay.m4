divert(-1)
dnl #
dnl # FEATURE(`promiscuous_relay'): relay anything for anybody.  An open relay:
dnl # never on a host reachable from the Internet.
dnl #
_SM_PART_
define(`_PROMISCUOUS_RELAY_', `1')
_SM_WARN_(`FEATURE(`promiscuous_relay') makes your system an open relay.  Do NOT use it on a server that is connected to the Internet!')
