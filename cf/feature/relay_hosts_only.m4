divert(-1)
dnl #
dnl # FEATURE(`relay_hosts_only'): class R and access map RELAY entries name hosts, not domains.
dnl #
_SM_PART_
define(`_RELAY_HOSTS_ONLY_', `1')
