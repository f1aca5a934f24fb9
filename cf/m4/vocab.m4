divert(-1)
dnl #
dnl # cf/m4/vocab.m4 -- the directives a .mc file is written in: OSTYPE, DOMAIN,
dnl # FEATURE, MAILER, HACK, DAEMON_OPTIONS, LOCAL_CONFIG, MASQUERADE_AS, ...
dnl #
dnl # Each directive only records what was asked (macros, classes in diversion
dnl # 5, text in the other diversions); m4/proto.m4 writes the configuration at
dnl # the end.  Diversions, as documented in cf/README:
dnl #	1 LOCAL_NET_CONFIG (ruleset 0)	2 LOCAL_RULE_3		3 LOCAL_RULE_0
dnl #	4 LOCAL_UUCP			5 class definitions	6 LOCAL_CONFIG
dnl #	7 mailer definitions		8 LOCAL_DNSBL		9 LOCAL_RULESETS
dnl #

dnl # --- loading library parts --------------------------------------------------
dnl # Every file of this library marks itself as read with _SM_PART_; a file
dnl # without the mark (one a user dropped into cf/feature, say) is checked for
dnl # with test(1) instead, so both kinds work.
define(`_SM_PART_', `define(`_SM_READ_OK_', `1')')
dnl # _SM_LOAD_(dir, name, directive)
define(`_SM_LOAD_',
`pushdef(`_SM_READ_OK_', `0')sinclude(_CF_DIR_`$1/$2.m4')dnl
_SM_LOAD_CHECK_(`$1', `$2', `$3')popdef(`_SM_READ_OK_')')
define(`_SM_LOAD_CHECK_', `ifelse(_SM_READ_OK_, `1', `',
	`syscmd(`test -r "'_CF_DIR_`$1/$2.m4"')ifelse(sysval, `0', `',
		`_SM_FATAL_(`$3(`$2') is unknown: there is no file '_CF_DIR_`$1/$2.m4',
			_SM_HINT_(`$1', `$2'))')')')

dnl # Known names, for the "did you mean" hint of the error above.
define(`_SM_KNOWN_feature', `accept_unqualified_senders accept_unresolvable_domains access_db allmasquerade always_add_domain authinfo badmx bestmx_is_local bitdomain blacklist_recipients block_bad_helo blocklist_recipients check_other compat_check conncontrol delay_checks dnsbl domaintable enhdnsbl generics_entire_domain genericstable greet_pause limited_masquerade local_lmtp local_no_masquerade local_procmail lookupdotdomain loose_relay_check mailertable masquerade_entire_domain masquerade_envelope msp no_default_msa nocanonify nopercenthack notsticky nouucp nullclient preserve_local_plus_detail preserve_luser_host promiscuous_relay queuegroup ratecontrol redirect relay_based_on_MX relay_entire_domain relay_hosts_only relay_local_from relay_mail_from require_rdns smrsh stickyhost use_client_ptr use_ct_file use_cw_file uucpdomain virtuser_entire_domain virtusertable')
define(`_SM_KNOWN_ostype', `linux debian')
define(`_SM_KNOWN_domain', `generic debian-mta debian-msp')
define(`_SM_KNOWN_mailer', `local smtp procmail usenet uucp')
define(`_SM_KNOWN_hack', `')
define(`_SM_HINT_', `_SM_HINT1_(`$2', _SM_SIMILAR_(`$2', defn(`_SM_KNOWN_$1')), `$1')')
define(`_SM_HINT1_', `ifelse(`$2', `', `the $3 files are in '_CF_DIR_`$3/; the name is the file name without .m4',
	`did you mean $2?')')
dnl # _SM_SIMILAR_(word, list): the words of list that look like word
define(`_SM_SIMILAR_', `_SM_SIMILAR1_(`$1', `$2 ', `')')
define(`_SM_SIMILAR1_', `ifelse(`$2', `', `$3',
	`_SM_SIMILAR2_(`$1', substr(`$2', 0, index(`$2', ` ')),
		substr(`$2', incr(index(`$2', ` '))), `$3')')')
define(`_SM_SIMILAR2_', `_SM_SIMILAR1_(`$1', `$3',
	ifelse(_SM_NEAR_(lower(`$1'), lower(`$2')), 1,
		`ifelse(`$4', `', `$2', `$4 or $2')', `$4'))')
dnl # _SM_NEAR_(a, b): 1 if a and b differ by one edit, a swap of two
dnl # neighbouring letters, or one is a (4+ letter) prefix of the other
define(`_SM_NEAR_', `_SM_NEAR1_(`$1', `$2', _SM_DIFFAT_(`$1', `$2', 0))')
define(`_SM_DIFFAT_', `ifelse(eval($3 >= len(`$1') || $3 >= len(`$2')), 1, `$3',
	substr(`$1', $3, 1), substr(`$2', $3, 1), `_SM_DIFFAT_(`$1', `$2', incr($3))', `$3')')
define(`_SM_NEAR1_', `ifelse(
	eval($3 >= 4 && ($3 == len(`$1') || $3 == len(`$2'))), 1, 1,
	eval(len(`$1') == len(`$2')), 1,
		`ifelse(substr(`$1', incr($3)), substr(`$2', incr($3)), 1,
			substr(`$1', incr($3), 1)`'substr(`$1', $3, 1)`'substr(`$1', eval($3 + 2)),
				substr(`$2', $3), 1, 0)',
	eval(len(`$1') == len(`$2') + 1), 1,
		`ifelse(substr(`$1', incr($3)), substr(`$2', $3), 1, 0)',
	eval(len(`$2') == len(`$1') + 1), 1,
		`ifelse(substr(`$2', incr($3)), substr(`$1', $3), 1, 0)',
	0)')

dnl # Remember the .mc file (the first file a directive is called from), for
dnl # messages given after the whole input has been read.
define(`_SM_NOTE_MC_', `ifdef(`_SM_MC_FILE_', `', `define(`_SM_MC_FILE_', __file__)')')

dnl # --- the directives that read library files ---------------------------------
define(`OSTYPE',
`_SM_NOTE_MC_`'PUSHDIVERT(-1)pushdef(`_SM_LOC_', _SM_HERE_)dnl
ifdef(`__OSTYPE__', `_SM_WARN_(`duplicate OSTYPE($1), '__OSTYPE__` was given before')')dnl
define(`__OSTYPE__', `$1')_SM_SETARGS_($@)dnl
_SM_LOAD_(`ostype', `$1', `OSTYPE')popdef(`_SM_LOC_')POPDIVERT`'')

define(`DOMAIN',
`_SM_NOTE_MC_`'PUSHDIVERT(-1)pushdef(`_SM_LOC_', _SM_HERE_)_SM_SETARGS_($@)dnl
_SM_LOAD_(`domain', `$1', `DOMAIN')popdef(`_SM_LOC_')POPDIVERT`'')

define(`FEATURE',
`_SM_NOTE_MC_`'PUSHDIVERT(-1)pushdef(`_SM_LOC_', _SM_HERE_)dnl
ifdef(`_MAILER_DEFINED_', `ifdef(`_SM_IN_MAILER_', `',
	`_SM_WARN_(`FEATURE(`$1') should come before the first MAILER()')')')dnl
_SM_SETARGS_($@)define(`_SM_FEATURE_$1', `1')dnl
_SM_LOAD_(`feature', `$1', `FEATURE')popdef(`_SM_LOC_')POPDIVERT`'')

define(`HACK',
`_SM_NOTE_MC_`'PUSHDIVERT(-1)pushdef(`_SM_LOC_', _SM_HERE_)_SM_SETARGS_($@)dnl
_SM_LOAD_(`hack', `$1', `HACK')popdef(`_SM_LOC_')POPDIVERT`'')

dnl # MAILER(`file' [, `name']): name (default: file) is what the rest of the
dnl # configuration tests with _MAILER_name_.
define(`MAILER',
`_SM_NOTE_MC_`'pushdef(`_SM_LOC_', _SM_HERE_)dnl
define(`_SM_MNAME_', ifelse(`$2', `', `$1', `$2'))dnl
ifdef(`_MAILER_DEFINED_', `', `define(`_MAILER_DEFINED_', `1')')dnl
ifdef(`_MAILER_'_SM_MNAME_`_',
	`_SM_WARN_(`MAILER('_SM_MNAME_`) was already given; this one is ignored')',
	`define(`_MAILER_'_SM_MNAME_`_', `')_SM_SETARGS_($@)dnl
PUSHDIVERT(7)pushdef(`_SM_IN_MAILER_', `1')_SM_LOAD_(`mailer', `$1', `MAILER')dnl
popdef(`_SM_IN_MAILER_')POPDIVERT`'')popdef(`_SM_LOC_')')

dnl # --- daemons and clients ----------------------------------------------------
dnl # DAEMON_OPTIONS(`Key=value, Key=value, ...'): one more listening socket.
dnl # The keys are checked here, so a misspelt key stops the build instead of
dnl # being found (or silently misread) when sendmail starts.
define(`_SM_DPO_KEYS_', `Addr Address Family InputMailFilters Listen M Modifier Modifiers Name Port SndBufSize RcvBufSize children DeliveryMode refuseLA delayLA queueLA')
define(`_SM_CPO_KEYS_', `Addr Address Family M Modifier Modifiers Port SndBufSize RcvBufSize')
define(`_DPO_', `')
define(`_CPO_', `')
define(`DAEMON_OPTIONS',
`pushdef(`_SM_LOC_', _SM_HERE_)_SM_CHECK_KEYS_(`DAEMON_OPTIONS', `_SM_DPO_KEYS_', `$1')dnl
define(`_DPO_', defn(`_DPO_')`
O DaemonPortOptions='`$1')popdef(`_SM_LOC_')')
define(`CLIENT_OPTIONS',
`pushdef(`_SM_LOC_', _SM_HERE_)_SM_CHECK_KEYS_(`CLIENT_OPTIONS', `_SM_CPO_KEYS_', `$1')dnl
define(`_CPO_', defn(`_CPO_')`
O ClientPortOptions='`$1')popdef(`_SM_LOC_')')
dnl # _SM_CHECK_KEYS_(directive, list macro, `k=v, k=v'): the commas become
dnl # "|" first, so that pieces of the text can be passed around as macro
dnl # arguments (an unquoted comma there would split the argument).
define(`_SM_CHECK_KEYS_', `_SM_CHECK_KV_(`$1', `$2', translit(`$3', `,', `|')`|')')
define(`_SM_CHECK_KV_', `ifelse(index(`$3', `|'), -1, `',
	`_SM_CHECK_1KV_(`$1', `$2', _SM_TRIM_(substr(`$3', 0, index(`$3', `|'))))dnl
_SM_CHECK_KV_(`$1', `$2', substr(`$3', incr(index(`$3', `|'))))')')
define(`_SM_CHECK_1KV_', `ifelse(`$3', `', `',
	index(`$3', `='), -1,
	`_SM_FATAL_(`$1: "$3" is not of the form Key=value',
		`separate the settings with commas: $1(`Name=MTA, Port=smtp, Addr=127.0.0.1')')',
	`_SM_CHECK_KEY_(`$1', `$2', _SM_TRIM_(substr(`$3', 0, index(`$3', `='))),
		_SM_TRIM_(substr(`$3', incr(index(`$3', `=')))))')')
dnl # sendmail itself looks only at the first letter of a key (with its
dnl # case: d is delayLA, D DeliveryMode), so any spelling of a known key
dnl # that starts with the same letter and is that key, or the start of it,
dnl # in any case, is accepted: Name, NAME, Addr, Address, M, Modifiers.
define(`_SM_KEYOK_', `_SM_KEYOK1_(`$1', `$2 ')')
define(`_SM_KEYOK1_', `ifelse(`$2', `', 0,
	`_SM_KEYOK2_(`$1', substr(`$2', 0, index(`$2', ` ')), substr(`$2', incr(index(`$2', ` '))))')')
define(`_SM_KEYOK2_', `ifelse(eval(len(`$1') > 0 && index(lower(`$2'), lower(`$1')) == 0), 1,
	`ifelse(substr(`$1', 0, 1), substr(`$2', 0, 1), 1, `_SM_KEYOK1_(`$1', `$3')')',
	`_SM_KEYOK1_(`$1', `$3')')')
define(`_SM_CHECK_KEY_', `ifelse(_SM_KEYOK_(`$3', defn(`$2')), 1,
	`_SM_CHECK_VALUE_(`$1', `$3', `$4')',
	`_SM_FATAL_(`$1: unknown key "$3"',
		_SM_KEYHINT_(`$3', defn(`$2')))')')
define(`_SM_KEYHINT_', `ifelse(_SM_SIMILAR_(`$1', `$2'), `',
	`known keys: $2',
	`did you mean '_SM_SIMILAR_(`$1', `$2')`?  Known keys: $2')')
define(`_SM_CHECK_VALUE_', `ifelse(lower(`$2'), `family',
	`ifelse(_SM_INLIST_(lower(`$3'), `inet inet6 local unix iso ns x.25'), 1, `',
		`_SM_FATAL_(`$1: unknown address family "$3"',
			`use Family=inet, Family=inet6 or Family=local')')')')
dnl # _SM_INLIST_(word, list): 1 if word is one of the blank-separated words
define(`_SM_INLIST_', `ifelse(index(` $2 ', ` $1 '), -1, 0, 1)')

dnl # --- mail filters and queue groups ------------------------------------------
define(`_MAIL_FILTERS_', `')
define(`_MAIL_FILTERS_DEF', `')
define(`MAIL_FILTER', `define(`_MAIL_FILTERS_', defn(`_MAIL_FILTERS_')`
X'`$1, '`$2')define(`_MAIL_FILTERS_DEF', defn(`_MAIL_FILTERS_DEF')`X')')
define(`INPUT_MAIL_FILTER', `MAIL_FILTER(`$1', `$2')dnl
ifelse(defn(`confINPUT_MAIL_FILTERS'), `',
	`define(`confINPUT_MAIL_FILTERS', `$1')',
	`define(`confINPUT_MAIL_FILTERS', defn(`confINPUT_MAIL_FILTERS')`, $1')')')
define(`_QUEUE_GROUP_', `')
define(`QUEUE_GROUP', `define(`_QUEUE_GROUP_', defn(`_QUEUE_GROUP_')`
Q'`$1, '`$2')')

dnl # --- text blocks the .mc file adds ------------------------------------------
define(`CF_LEVEL', `10')
define(`VERSIONID', ``#####  $1  #####'')
define(`LOCAL_RULE_0', `divert(3)')
define(`LOCAL_UUCP', `divert(4)')
define(`LOCAL_RULE_1', `divert(9)ifdef(`_SM_RS1_', `', `define(`_SM_RS1_', `1')
Ssender=1
')')
define(`LOCAL_RULE_2', `divert(9)ifdef(`_SM_RS2_', `', `define(`_SM_RS2_', `1')
Srecipient=2
')')
define(`LOCAL_RULE_3', `divert(2)')
define(`LOCAL_RULESETS', `divert(9)
')
define(`LOCAL_CONFIG', `divert(6)')
define(`MAILER_DEFINITIONS', `divert(7)')
define(`LOCAL_DNSBL', `divert(8)')
define(`LOCAL_NET_CONFIG', `define(`_LOCAL_RULES_', `1')divert(1)')
dnl # LOCAL_SRV_FEATURES, LOCAL_CLT_FEATURES, LOCAL_TRY_TLS, LOCAL_TLS_RCPT,
dnl # LOCAL_TLS_CLIENT, LOCAL_TLS_SERVER: start a Local_xxx ruleset that the
dnl # corresponding built-in ruleset calls first.
define(`_SM_LOCAL_RS_', `define(`_LOCAL_$1_')dnl
ifdef(`_MAILER_DEFINED_', `', `_SM_WARN_(`MAILER() should come before LOCAL_$1')')dnl
divert(9)
SLocal_$2')
define(`LOCAL_SRV_FEATURES', `pushdef(`_SM_LOC_', _SM_HERE_)_SM_LOCAL_RS_(`SRV_FEATURES', `srv_features')popdef(`_SM_LOC_')')
define(`LOCAL_CLT_FEATURES', `pushdef(`_SM_LOC_', _SM_HERE_)_SM_LOCAL_RS_(`CLT_FEATURES', `clt_features')popdef(`_SM_LOC_')')
define(`LOCAL_TRY_TLS', `pushdef(`_SM_LOC_', _SM_HERE_)_SM_LOCAL_RS_(`TRY_TLS', `try_tls')popdef(`_SM_LOC_')')
define(`LOCAL_TLS_RCPT', `pushdef(`_SM_LOC_', _SM_HERE_)_SM_LOCAL_RS_(`TLS_RCPT', `tls_rcpt')popdef(`_SM_LOC_')')
define(`LOCAL_TLS_CLIENT', `pushdef(`_SM_LOC_', _SM_HERE_)_SM_LOCAL_RS_(`TLS_CLIENT', `tls_client')popdef(`_SM_LOC_')')
define(`LOCAL_TLS_SERVER', `pushdef(`_SM_LOC_', _SM_HERE_)_SM_LOCAL_RS_(`TLS_SERVER', `tls_server')popdef(`_SM_LOC_')')

dnl # UUCPSMTP(uucp name, internet name), for LOCAL_RULE_3
define(`UUCPSMTP', `R DOL(*) < @ $1 .UUCP > DOL(*)	DOL(1) < @ $2 > DOL(2)')

dnl # SITECONFIG(file, relay name, class): classic UUCP site tables
define(`SITECONFIG',
`CONCAT(D, $3, $2)
define(`_CLASS_$3_', `')dnl
ifelse($3, U, C{w}$2 $2.UUCP, `dnl')
define(`SITE', `ifelse(CONCAT($'2`, $3), SU,
		CONCAT(CY, $'1`),
		CONCAT(C, $3, $'1`))')
sinclude(_CF_DIR_`'siteconfig/$1.m4)')

dnl # --- class additions (diversion 5) ------------------------------------------
dnl # _SM_CLASS_(line): one class line in diversion 5
define(`_SM_CLASS_', `PUSHDIVERT(5)$1
POPDIVERT`'')
define(`EXPOSED_USER', `_SM_CLASS_(`C{E}$1')')
define(`EXPOSED_USER_FILE', `_SM_CLASS_(`F{E}$1')')
define(`LOCAL_USER', `_SM_CLASS_(`C{L}$1')')
define(`LOCAL_USER_FILE', `_SM_CLASS_(`F{L}$1')')
define(`MASQUERADE_AS', `define(`MASQUERADE_NAME', `$1')')
define(`MASQUERADE_DOMAIN', `_SM_CLASS_(`C{M}$1')')
define(`MASQUERADE_DOMAIN_FILE', `_SM_CLASS_(`F{M}$1')')
define(`MASQUERADE_EXCEPTION', `_SM_CLASS_(`C{N}$1')')
define(`MASQUERADE_EXCEPTION_FILE', `_SM_CLASS_(`F{N}$1')')
define(`LOCAL_DOMAIN', `_SM_CLASS_(`C{w}$1')')
define(`CANONIFY_DOMAIN', `_SM_CLASS_(`C{Canonify}$1')')
define(`CANONIFY_DOMAIN_FILE', `_SM_CLASS_(`F{Canonify}$1')')
define(`GENERICS_DOMAIN', `_SM_CLASS_(`C{G}$1')')
define(`GENERICS_DOMAIN_FILE', `_SM_CLASS_(`F{G}$1')')
define(`LDAPROUTE_DOMAIN', `_SM_CLASS_(`C{LDAPRoute}$1')')
define(`LDAPROUTE_DOMAIN_FILE', `_SM_CLASS_(`F{LDAPRoute}$1')')
define(`LDAPROUTE_EQUIVALENT', `_SM_CLASS_(`C{LDAPRouteEquiv}$1')')
define(`LDAPROUTE_EQUIVALENT_FILE', `_SM_CLASS_(`F{LDAPRouteEquiv}$1')')
define(`VIRTUSER_DOMAIN', `define(`_VIRTHOSTS_', `1')_SM_CLASS_(`C{VirtHost}$1')')
define(`VIRTUSER_DOMAIN_FILE', `define(`_VIRTHOSTS_', `1')_SM_CLASS_(`F{VirtHost}$1')')
define(`RELAY_DOMAIN', `_SM_CLASS_(`C{R}$1')')
define(`RELAY_DOMAIN_FILE', `_SM_CLASS_(`F{R}$1')')
define(`TRUST_AUTH_MECH', `_DEFIFNOT(`_USE_AUTH_', `1')_SM_CLASS_(`C{TrustAuthMech}$1')')
