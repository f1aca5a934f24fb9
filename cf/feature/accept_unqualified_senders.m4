divert(-1)
dnl #
dnl # FEATURE(`accept_unqualified_senders'): accept MAIL FROM without a domain from remote clients.
dnl #
_SM_PART_
define(`_ACCEPT_UNQUALIFIED_SENDERS_', `1')
