divert(-1)
dnl #
dnl # FEATURE(`bitdomain' [, map spec]): BITNET host names to internet names.
dnl # Default map: DATABASE_MAP_TYPE MAIL_SETTINGS_DIR/bitdomain.
dnl #
_SM_PART_
define(`_BITDOMAIN_TABLE_', `')
_SM_KMAP_(`bitdomain', `bitdomain', `bitdomain', `')
