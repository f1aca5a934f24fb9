divert(-1)
dnl #
dnl # FEATURE(`block_bad_helo'): refuse (at RCPT) clients whose HELO name is
dnl # unqualified or one of ours, unless authenticated or in class R.  Adds
dnl # the loopback addresses to class w and class R.  Meant for use with
dnl # delay_checks.
dnl #
_SM_PART_
define(`_BLOCK_BAD_HELO_', `')
RELAY_DOMAIN(`127.0.0.1')
RELAY_DOMAIN(`IPv6:0:0:0:0:0:0:0:1 IPv6:::1')
LOCAL_DOMAIN(`[127.0.0.1]')
LOCAL_DOMAIN(`[IPv6:0:0:0:0:0:0:0:1] [IPv6:::1]')
