divert(-1)
dnl #
dnl # FEATURE(`mailertable' [, map spec]): routing by destination domain.
dnl # Keys: host.domain, .domain (any host below), "." (everything else);
dnl # values: mailer:host, local:[user], error:[D.S.N:]code text.
dnl # Default map: DATABASE_MAP_TYPE MAIL_SETTINGS_DIR/mailertable.
dnl #
_SM_PART_
define(`_MAILER_TABLE_', `')
_SM_KMAP_(`mailertable', `mailer', `mailertable', `')
