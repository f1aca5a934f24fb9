divert(-1)
dnl #
dnl # FEATURE(`allmasquerade'): masquerade recipient headers as well.
dnl #
_SM_PART_
ifdef(`_MAILER_local_', `_SM_WARN_(`MAILER(`local') must come after FEATURE(`allmasquerade')')')
ifdef(`_MAILER_uucp_', `_SM_WARN_(`MAILER(`uucp') must come after FEATURE(`allmasquerade')')')
define(`_ALL_MASQUERADE_', `1')
