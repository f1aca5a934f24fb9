divert(-1)
dnl #
dnl # FEATURE(`relay_mail_from' [, `domain']): relay when the sender address
dnl # (with `domain': or its domain) has a From: RELAY entry in the access map.
dnl #
_SM_PART_
ifdef(`_ACCESS_TABLE_', `define(`_RELAY_DB_FROM_', `1')dnl
ifelse(defn(`_ARG_'), `domain', `define(`_RELAY_DB_FROM_DOMAIN_', `1')')',
	`_SM_COMPLAIN_(`FEATURE(`relay_mail_from') needs FEATURE(`access_db') first')')
_SM_WARN_(`FEATURE(`relay_mail_from') may make your system an open relay; prefer SMTP AUTH or STARTTLS')
