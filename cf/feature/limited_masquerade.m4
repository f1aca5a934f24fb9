divert(-1)
dnl #
dnl # FEATURE(`limited_masquerade'): masquerade only class M, not class w.
dnl #
_SM_PART_
define(`_LIMITED_MASQUERADE_', `1')
