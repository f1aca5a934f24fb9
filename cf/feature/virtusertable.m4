divert(-1)
dnl #
dnl # FEATURE(`virtusertable' [, map spec]): per-domain aliases for the domains
dnl # in class w and class {VirtHost}: user@dom, @dom (catch-all), with
dnl # +detail handling (%1 user, %2 detail, %3 +detail) and error: values.
dnl # Default map: DATABASE_MAP_TYPE MAIL_SETTINGS_DIR/virtusertable.
dnl #
_SM_PART_
define(`_VIRTUSER_TABLE_', `')
_SM_KMAP_(`virtuser', `virtuser', `virtusertable', `')
