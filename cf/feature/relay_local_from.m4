divert(-1)
dnl #
dnl # FEATURE(`relay_local_from'): relay when the sender domain is one of ours.
dnl # Anybody can claim such a sender: this makes an open relay for spammers
dnl # who know it.
dnl #
_SM_PART_
define(`_RELAY_LOCAL_FROM_', `1')
_SM_WARN_(`FEATURE(`relay_local_from') may make your system an open relay; prefer SMTP AUTH or STARTTLS (or FEATURE(`relay_mail_from'))')
