divert(-1)
dnl #
dnl # FEATURE(`blocklist_recipients'): To: entries of the access map can refuse
dnl # mail for local users (To:user@), hosts and addresses.
dnl #
_SM_PART_
ifdef(`_ACCESS_TABLE_', `define(`_BLOCKLIST_RCPT_', `1')',
	`_SM_COMPLAIN_(`FEATURE(`blocklist_recipients') needs FEATURE(`access_db') first')')
