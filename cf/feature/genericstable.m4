divert(-1)
dnl #
dnl # FEATURE(`genericstable' [, map spec]): rewrite outgoing sender addresses
dnl # (unqualified ones and those in class G) through a table.
dnl # Default map: DATABASE_MAP_TYPE MAIL_SETTINGS_DIR/genericstable.
dnl #
_SM_PART_
define(`_GENERICS_TABLE_', `')
_SM_KMAP_(`generics', `generics', `genericstable', `')
