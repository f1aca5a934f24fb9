divert(-1)
dnl #
dnl # FEATURE(`local_lmtp' [, path [, argv]]): the local mailer speaks LMTP
dnl # (mail.local -l from confEBINDIR unless a path is given).  This sets
dnl # LOCAL_MAILER_FLAGS whatever OSTYPE said.
dnl #
_SM_PART_
ifdef(`_MAILER_local_', `_SM_WARN_(`FEATURE(`local_lmtp') must come before MAILER(`local')')')
define(`LOCAL_MAILER_PATH', ifelse(defn(`_ARG_'), `',
	`ifdef(`confEBINDIR', `confEBINDIR', `/usr/libexec')`/mail.local'',
	`_ARG_'))
define(`LOCAL_MAILER_FLAGS', `PSXmnz9')
define(`LOCAL_MAILER_ARGS', ifelse(defn(`_ARG2_'), `', `mail.local -l', `_ARG2_'))
define(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `SMTP')
define(`_LOCAL_LMTP_', `1')
