divert(-1)
dnl #
dnl # FEATURE(`accept_unresolvable_domains'): accept senders whose domain does not resolve.
dnl #
_SM_PART_
define(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `1')
