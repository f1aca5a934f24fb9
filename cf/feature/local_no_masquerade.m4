divert(-1)
dnl #
dnl # FEATURE(`local_no_masquerade'): no masquerading for the local mailer.
dnl #
_SM_PART_
ifdef(`_MAILER_local_', `_SM_WARN_(`MAILER(`local') must come after FEATURE(`local_no_masquerade')')')
define(`_LOCAL_NO_MASQUERADE_', `1')
