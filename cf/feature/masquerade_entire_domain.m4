divert(-1)
dnl #
dnl # FEATURE(`masquerade_entire_domain'): hosts below class M domains are
dnl # masqueraded too.
dnl #
_SM_PART_
define(`_MASQUERADE_ENTIRE_DOMAIN_', `1')
