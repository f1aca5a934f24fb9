divert(-1)
dnl #
dnl # FEATURE(`relay_entire_domain'): hosts in our domains (class m) may relay, and mail to them is relayed.
dnl #
_SM_PART_
define(`_RELAY_ENTIRE_DOMAIN_', `1')
