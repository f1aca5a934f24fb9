divert(-1)
dnl #
dnl # FEATURE(`ratecontrol' [, `nodelay' [, `terminate']]): limit connections per
dnl # client with ClientRate:address entries of the access map (ClientRate: alone is
dnl # the default limit, 0 means none).  nodelay: check at connection time
dnl # even with delay_checks (which it then needs); terminate: drop the
dnl # connection (421) instead of refusing commands (452).
dnl #
_SM_PART_
ifdef(`_ACCESS_TABLE_', `dnl
define(`_RATE_CONTROL_', `1')dnl
ifelse(defn(`_ARG_'), `', `',
	strcasecmp(defn(`_ARG_'), `nodelay'), `1',
	`ifdef(`_DELAY_CHECKS_',
		`define(`_RATE_CONTROL_IMMEDIATE_', `1')define(`_CONTROL_IMMEDIATE_', `1')',
		`_SM_COMPLAIN_(`FEATURE(`ratecontrol', `nodelay') needs FEATURE(`delay_checks') first')')',
	`_SM_COMPLAIN_(`FEATURE(`ratecontrol'): unknown argument 'defn(`_ARG_'))')dnl
define(`_FFR_SRCHLIST_A', `1')dnl
ifelse(defn(`_ARG2_'), `', `',
	defn(`_ARG2_'), `terminate', `define(`_RATE_CONTROL_REPLY', `421')',
	`_SM_COMPLAIN_(`FEATURE(`ratecontrol'): unknown argument 'defn(`_ARG2_'))')',
	`_SM_COMPLAIN_(`FEATURE(`ratecontrol') needs FEATURE(`access_db') first')')
_DEFIFNOT(`_RATE_CONTROL_REPLY', `452')
