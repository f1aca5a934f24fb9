divert(-1)
dnl #
dnl # FEATURE(`delay_checks' [, `friend'|`hater' [, `n']]): run check_relay and
dnl # check_mail from check_rcpt, so that they can depend on the recipient.
dnl #	friend	Spam:address FRIEND entries skip the checks
dnl #	hater	the checks are only run for Spam:address HATER entries
dnl #	n	(third argument) no 8.10 compatibility values
dnl #
_SM_PART_
define(`_DELAY_CHECKS_', `1')
ifelse(defn(`_ARG_'), `', `',
	lower(substr(defn(`_ARG_'), 0, 1)), `f', `define(`_SPAM_FRIEND_', `1')define(`_SPAM_FH_', `1')',
	lower(substr(defn(`_ARG_'), 0, 1)), `h', `define(`_SPAM_HATER_', `1')define(`_SPAM_FH_', `1')',
	`_SM_COMPLAIN_(`FEATURE(`delay_checks'): unknown argument 'defn(`_ARG_')`, use `friend' or `hater'')')
ifelse(defn(`_ARG2_'), `', `define(`_DELAY_COMPAT_8_10_', `1')')
