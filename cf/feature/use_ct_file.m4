divert(-1)
dnl #
dnl # FEATURE(`use_ct_file'): read trusted users (class t) from confCT_FILE,
dnl # /etc/mail/trusted-users by default.
dnl #
_SM_PART_
define(`_USE_CT_FILE_', `')
