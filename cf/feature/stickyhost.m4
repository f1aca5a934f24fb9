divert(-1)
dnl #
dnl # FEATURE(`stickyhost'): user@ourhost goes to MAIL_HUB keeping the address; unqualified names go to LOCAL_RELAY.
dnl #
_SM_PART_
define(`_STICKY_LOCAL_DOMAIN_', `1')
