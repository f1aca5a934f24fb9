divert(-1)
dnl #
dnl # FEATURE(`uucpdomain' [, map spec]): UUCP host names to internet names.
dnl # Default map: DATABASE_MAP_TYPE MAIL_SETTINGS_DIR/uudomain.
dnl #
_SM_PART_
define(`_UUDOMAIN_TABLE_', `')
_SM_KMAP_(`uudomain', `uucpdomain', `uudomain', `')
