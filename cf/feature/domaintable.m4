divert(-1)
dnl #
dnl # FEATURE(`domaintable' [, map spec]): rename domains (old.example ->
dnl # new.example) in ruleset 3, so headers change too.
dnl # Default map: DATABASE_MAP_TYPE MAIL_SETTINGS_DIR/domaintable.
dnl #
_SM_PART_
define(`_DOMAIN_TABLE_', `')
_SM_KMAP_(`domaintable', `domain', `domaintable', `')
