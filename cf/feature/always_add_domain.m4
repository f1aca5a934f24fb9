divert(-1)
dnl #
dnl # FEATURE(`always_add_domain' [, domain]): qualify local names in mail
dnl # delivered locally too (with $j, or with the given domain).
dnl #
_SM_PART_
ifdef(`_MAILER_local_', `_SM_WARN_(`MAILER(`local') must come after FEATURE(`always_add_domain')')')
define(`_ALWAYS_ADD_DOMAIN_', defn(`_ARG_'))
