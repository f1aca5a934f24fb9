divert(-1)
dnl #
dnl # FEATURE(`authinfo' [, map spec]): a map of its own for the AuthInfo:
dnl # entries (credentials for SMTP AUTH as a client), instead of the
dnl # access map.  Default: DATABASE_MAP_TYPE MAIL_SETTINGS_DIR/authinfo.
dnl #
_SM_PART_
define(`_AUTHINFO_TABLE_', `')
_SM_KMAP_(`authinfo', `authinfo', `authinfo', `')
