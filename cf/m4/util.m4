divert(-1)
dnl #
dnl # cf/m4/util.m4 -- small general-purpose m4 helpers used all over the
dnl # library.  Names without the _SM_ prefix (PUSHDIVERT, lower, _DEFIFNOT,
dnl # CONCAT, DOL, _OPTINS, _ARG_ ...) are kept because ostype/domain/hack files
dnl # written for the classic library call them.
dnl #

dnl # --- diversions -------------------------------------------------------------
dnl # PUSHDIVERT(n) switches output to diversion n and remembers the old one;
dnl # POPDIVERT goes back.  They nest.
define(`PUSHDIVERT', `pushdef(`_SM_DIVSTACK_', divnum)divert($1)')
define(`POPDIVERT', `divert(_SM_DIVSTACK_)popdef(`_SM_DIVSTACK_')')

dnl # --- strings ----------------------------------------------------------------
define(`_SM_UC_', `ABCDEFGHIJKLMNOPQRSTUVWXYZ')
define(`_SM_LC_', `abcdefghijklmnopqrstuvwxyz')
define(`lower', `translit(`$1', _SM_UC_, _SM_LC_)')
define(`strcasecmp', `ifelse(lower(`$1'), lower(`$2'), `1', `0')')
dnl # _DEFIFNOT(name, value): give name a value unless it already has one
define(`_DEFIFNOT', `ifdef(`$1', `', `define(`$1', `$2')')')
dnl # CONCAT glues up to seven pieces; DOL(x) writes a literal $x
define(`CONCAT', `$1$2$3$4$5$6$7')
define(`DOL', ``$'$1')
dnl # _OPTINS(name, before, after): "before<value of name>after" if name is set
define(`_OPTINS', `ifdef(`$1', `$2$1$3')')
dnl # _SM_EMPTY_(x): 1 if x is empty (x may contain commas only when quoted)
define(`_SM_EMPTY_', `ifelse(len(`$1'), `0', `1', `0')')
dnl # _SM_TRIM_(s): drop leading and trailing blanks/tabs/newlines
define(`_SM_TRIM_', `_SM_TRIM_R_(_SM_TRIM_L_(`$1'))')
define(`_SM_TRIM_L_', `ifelse(index(` 	
', substr(`$1', 0, 1)), -1, `$1',
	`ifelse(len(`$1'), 0, `', `_SM_TRIM_L_(substr(`$1', 1))')')')
define(`_SM_TRIM_R_', `ifelse(len(`$1'), 0, `',
	`ifelse(index(` 	
', substr(`$1', decr(len(`$1')))), -1, `$1',
		`_SM_TRIM_R_(substr(`$1', 0, decr(len(`$1'))))')')')

dnl # --- arguments of FEATURE/MAILER/HACK/OSTYPE --------------------------------
dnl # The file being included reads its parameters as _ARG_ (first one after the
dnl # name), _ARG2_ ... _ARG9_.  _SM_SETARGS_ is called with the full argument
dnl # list of the directive (name first).
define(`_SM_SETARGS_',
`define(`_ARG_', `$2')define(`_ARG2_', `$3')define(`_ARG3_', `$4')dnl
define(`_ARG4_', `$5')define(`_ARG5_', `$6')define(`_ARG6_', `$7')dnl
define(`_ARG7_', `$8')define(`_ARG8_', `$9')define(`_ARG9_', `')dnl
ifelse(eval($# > 9), 1, `_SM_SETARG9_(shift($@))')')
define(`_SM_SETARG9_', `define(`_ARG9_', `$9')')
define(`_SM_CLEARARGS_', `_SM_SETARGS_(`')')

dnl # --- diagnostics ------------------------------------------------------------
dnl # Where are we in the .mc file?  _SM_HERE_ is captured when a directive is
dnl # called (while m4 is still reading that line), so messages point at the
dnl # line of the directive, not at a line of a library file.
define(`_SM_HERE_', `__file__:__line__')
define(`_SM_AT_', `ifdef(`_SM_LOC_', `_SM_LOC_', `_SM_HERE_')')
dnl # _SM_WARN_(text): report and go on
define(`_SM_WARN_', `errprint(_SM_AT_`: *** WARNING: $1
')')
dnl # _SM_FATAL_(text [, hint]): report, print the hint, and stop without
dnl # producing a configuration (m4 exits 1 and drops everything diverted).
define(`_SM_FATAL_', `errprint(_SM_AT_`: *** ERROR: $1
')ifelse(`$2', `', `', `errprint(`    hint: $2
')')m4exit(1)')
dnl # _SM_COMPLAIN_(text): an error that the classic library reports but does not
dnl # stop on; we report it and make the exit status non-zero at the end.
define(`_SM_COMPLAIN_', `errprint(_SM_AT_`: *** ERROR: $1
')define(`_SM_FAILED_', `1')')

dnl # --- mailer flags -----------------------------------------------------------
dnl # MODIFY_MAILER_FLAGS(`NAME', `change'): `+xy' adds flags, `-xy' removes
dnl # them, anything else replaces the default flag set of mailer NAME (the NAME
dnl # of NAME_MAILER_FLAGS, e.g. LOCAL, SMTP, ESMTP, RELAY, PROCMAIL).
dnl # A replacement wins over every +/- given for the same NAME.
define(`MODIFY_MAILER_FLAGS',
`ifelse(substr(`$2', 0, 1), `+',
	`define(`_SM_MF_ADD_$1', defn(`_SM_MF_ADD_$1')`'substr(`$2', 1))',
	substr(`$2', 0, 1), `-',
	`define(`_SM_MF_DEL_$1', defn(`_SM_MF_DEL_$1')`'substr(`$2', 1))',
	`define(`_SM_MF_SET_$1', `$2')')')
dnl # _SM_DROPCH_(s, c): s without its first c;  _SM_ADDCH_(s, c): s plus c
dnl # unless it is already there
define(`_SM_DROPCH_', `ifelse(index(`$1', `$2'), -1, `$1',
	`substr(`$1', 0, index(`$1', `$2'))`'substr(`$1', incr(index(`$1', `$2')))')')
define(`_SM_ADDCH_', `ifelse(index(`$1', `$2'), -1, `$1$2', `$1')')
dnl # _SM_EACHCH_(macro, s, chars): fold macro over the characters of chars
define(`_SM_EACHCH_', `ifelse(`$3', `', `$2',
	`_SM_EACHCH_(`$1', $1(`$2', substr(`$3', 0, 1)), substr(`$3', 1))')')
dnl # _MODMF_(default flags, NAME): the flags mailer NAME really gets
define(`_MODMF_', `ifdef(`_SM_MF_SET_$2', `defn(`_SM_MF_SET_$2')',
	`_SM_EACHCH_(`_SM_ADDCH_',
		_SM_EACHCH_(`_SM_DROPCH_', `$1', defn(`_SM_MF_DEL_$2')),
		defn(`_SM_MF_ADD_$2'))')')

dnl # --- map declarations of the table features -------------------------------
dnl # _SM_KMAP_(map, ldap map name, file, extra options): the K line of a
dnl # table feature, in the LOCAL_CONFIG diversion.  The feature argument
dnl # (_ARG_) is the map specification; empty means DATABASE_MAP_TYPE on
dnl # MAIL_SETTINGS_DIR/file; the word LDAP means the default LDAP
dnl # specification (cf/README, USING LDAP FOR ALIASES, MAPS, AND CLASSES).
define(`_SM_KMAP_', `PUSHDIVERT(6)`K'$1 ifelse(defn(`_ARG_'), `',
	`DATABASE_MAP_TYPE`'$4 MAIL_SETTINGS_DIR`'$3',
	defn(`_ARG_'), `LDAP', `_SM_LDAPSPEC_(`$2', `$4')',
	`_ARG_')
POPDIVERT`'')
define(`_SM_LDAPSPEC_', `ldap$2 -1 -v sendmailMTAMapValue,sendmailMTAMapSearch:FILTER:sendmailMTAMapObject,sendmailMTAMapURL:URL:sendmailMTAMapObject -k (&(objectClass=sendmailMTAMapObject)(|(sendmailMTACluster=${sendmailMTACluster})(sendmailMTAHost=$j))(sendmailMTAMapName=$1)(sendmailMTAKey=%0))')
