divert(-1)
dnl #
dnl # FEATURE(`use_cw_file'): read more names of this host (class w) from
dnl # confCW_FILE, /etc/mail/local-host-names by default.
dnl #
_SM_PART_
define(`USE_CW_FILE', `')
