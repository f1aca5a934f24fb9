divert(-1)
dnl #
dnl # FEATURE(`loose_relay_check'): user%host@relayable is not stripped down to user@host for the relay check.
dnl #
_SM_PART_
define(`_LOOSE_RELAY_CHECK_', `1')
