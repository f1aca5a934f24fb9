divert(-1)
dnl #
dnl # FEATURE(`access_db' [, map spec [, options...]]): the access map, with
dnl # Connect:, From:, To: (and more) entries that accept, reject or allow
dnl # relaying (cf/README, ANTI-SPAM CONFIGURATION CONTROL).
dnl # Default map: DATABASE_MAP_TYPE -T<TMPF> MAIL_SETTINGS_DIR/access; a
dnl # given spec must contain -T<TMPF> (it is added, with a warning, if not).
dnl # Options (2nd to 4th argument): skip (SKIP values), lookupdotdomain,
dnl # relaytofulladdress (To:user@domain RELAY).
dnl #
_SM_PART_
define(`_ACCESS_TABLE_', `')
define(`_TAG_DELIM_', `:')
define(`_ATMPF_', `<TMPF>')
define(`_SM_ACC_OPT_', `ifelse(lower(`$1'), `skip', `define(`_ACCESS_SKIP_', `1')',
	lower(`$1'), `lookupdotdomain', `define(`_LOOKUPDOTDOMAIN_', `1')',
	lower(`$1'), `relaytofulladdress', `define(`_RELAY_FULL_ADDR_', `1')')')
_SM_ACC_OPT_(defn(`_ARG2_'))_SM_ACC_OPT_(defn(`_ARG3_'))_SM_ACC_OPT_(defn(`_ARG4_'))
dnl # a map spec without -T<TMPF>: insert it after the map type
ifelse(defn(`_ARG_'), `', `', defn(`_ARG_'), `LDAP', `',
	index(defn(`_ARG_'), `sequence '), `0', `',
	index(defn(`_ARG_'), `-T<TMPF>'), `-1',
	`_SM_WARN_(`missing -T<TMPF> in the map of FEATURE(`access_db'): added')dnl
define(`_ARG_', substr(defn(`_ARG_'), 0, index(defn(`_ARG_'), ` '))` -T<TMPF>'substr(defn(`_ARG_'), index(defn(`_ARG_'), ` ')))')
ifdef(`_GREET_PAUSE_', `_SM_WARN_(`FEATURE(`greet_pause') came before FEATURE(`access_db'), so it does not use the access map')')
_SM_KMAP_(`access', `access', `access', ` -T<TMPF>')
