divert(-1)
dnl #
dnl # FEATURE(`nullclient', hub): a configuration that sends everything to
dnl # the hub over SMTP and does nothing else (no aliases, no .forward).
dnl # Everything is masqueraded as the hub.  Only FEATURE(`nocanonify') goes
dnl # well with it; do not add mailers.
dnl #
_SM_PART_
ifelse(defn(`_ARG_'), `', `_SM_FATAL_(`FEATURE(`nullclient') needs the name of the hub',
	`FEATURE(`nullclient', `mailhub.example.com')')')
define(`_NULL_CLIENT_', defn(`_ARG_'))
undefine(`ALIAS_FILE')
define(`MAIL_HUB', defn(`_NULL_CLIENT_'))
define(`SMART_HOST', defn(`_NULL_CLIENT_'))
define(`confFORWARD_PATH', `')
_DEFIFNOT(`confFROM_HEADER', `<$g>')
define(`_DEF_LOCAL_MAILER_FLAGS', `lsDFM5q')
MASQUERADE_AS(defn(`_NULL_CLIENT_'))
FEATURE(`allmasquerade')
FEATURE(`masquerade_envelope')
MAILER(`local')
MAILER(`smtp')
