divert(-1)
dnl #
dnl # FEATURE(`local_procmail' [, path [, argv [, flags]]]): deliver local mail
dnl # with procmail (or another program given as the arguments).
dnl #	path	default PROCMAIL_MAILER_PATH, else /usr/local/bin/procmail
dnl #	argv	default "procmail -a $h -d $u" (+detail is passed with -a)
dnl #	flags	default SPfhn9
dnl # This sets LOCAL_MAILER_FLAGS whatever OSTYPE said.
dnl #
_SM_PART_
ifdef(`_MAILER_local_', `_SM_WARN_(`FEATURE(`local_procmail') must come before MAILER(`local')')')
define(`LOCAL_MAILER_PATH', ifelse(defn(`_ARG_'), `',
	`ifdef(`PROCMAIL_MAILER_PATH', `PROCMAIL_MAILER_PATH', `/usr/local/bin/procmail')',
	`_ARG_'))
define(`LOCAL_MAILER_ARGS', ifelse(defn(`_ARG2_'), `', `procmail -a $h -d $u', `_ARG2_'))
define(`LOCAL_MAILER_FLAGS', ifelse(defn(`_ARG3_'), `', `SPfhn9', `_ARG3_'))
dnl # not both: an LMTP mailer set up by an OSTYPE is dropped
undefine(`_LOCAL_LMTP_')
undefine(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE')
