divert(-1)
dnl #
dnl # FEATURE(`lookupdotdomain'): access map lookups for a domain also try
dnl # ".parent.domain" entries, which match subdomains only.
dnl #
_SM_PART_
ifdef(`_ACCESS_TABLE_', `define(`_LOOKUPDOTDOMAIN_', `1')',
	`_SM_COMPLAIN_(`FEATURE(`lookupdotdomain') needs FEATURE(`access_db') first')')
ifdef(`_RELAY_HOSTS_ONLY_', `_SM_WARN_(`FEATURE(`lookupdotdomain') does not work well with FEATURE(`relay_hosts_only')')')
