divert(-1)
dnl #
dnl # FEATURE(`masquerade_envelope'): masquerade envelope senders, not just
dnl # headers.
dnl #
_SM_PART_
define(`_MASQUERADE_ENVELOPE_', `1')
