divert(-1)
dnl #
dnl # FEATURE(`enhdnsbl', list.domain [, message|`quarantine'|`discard'
dnl #	[, `t'|temp message [, value...]]]): like dnsbl, but only the listed
dnl # values (LHS patterns, e.g. `127.0.0.2.') count; without values any
dnl # answer does.  EDNSBL_TO sets the DNS retry count (default 5).
dnl #
_SM_PART_
ifelse(defn(`_ARG_'), `', `_SM_COMPLAIN_(`FEATURE(`enhdnsbl') needs the domain of the list')')
ifdef(`_EDNSBL_R_', `', `define(`_EDNSBL_R_', `')dnl
PUSHDIVERT(6)Kednsbl dns -R A -a. -T<TMP> -r`'ifdef(`EDNSBL_TO', `EDNSBL_TO', `5')
POPDIVERT')
define(`_SM_EDNSBL_DO_', ifelse(defn(`_ARG2_'), `quarantine', `$`'#error $`'@ quarantine',
	defn(`_ARG2_'), `discard', `$`'#discard', `$`'#error $`'@ 5.7.1'))
define(`_SM_EDNSBL_MSG_', ifelse(defn(`_ARG2_'), `',
	`"550 Rejected: " $`'&{client_addr} " listed at '_ARG_`"',
	defn(`_ARG2_'), `quarantine', `_ARG_', defn(`_ARG2_'), `discard', `_ARG_', `_ARG2_'))
PUSHDIVERT(8)# DNS list _ARG_
R$*			$: $&{client_addr}
R$-.$-.$-.$-		$: <?> $(ednsbl $4.$3.$2.$1._ARG_. $: OK $)
R<?>OK			$: OKSOFAR
ifelse(defn(`_ARG3_'), `',
`R<?>$+<TMP>		$: TMPOK',
defn(`_ARG3_'), `t',
`R<?>$+<TMP>		$#error $@ 4.4.3 $: "451 Temporary lookup failure of " $&{client_addr} " at '_ARG_`"',
`R<?>$+<TMP>		$#error $@ 4.4.3 $: '_ARG3_)
R<?>ifelse(defn(`_ARG4_'), `', `$+', `_ARG4_')		_SM_EDNSBL_DO_ $: _SM_EDNSBL_MSG_
ifelse(defn(`_ARG5_'), `', `dnl', `R<?>_ARG5_		_SM_EDNSBL_DO_ $: _SM_EDNSBL_MSG_')
ifelse(defn(`_ARG6_'), `', `dnl', `R<?>_ARG6_		_SM_EDNSBL_DO_ $: _SM_EDNSBL_MSG_')
ifelse(defn(`_ARG7_'), `', `dnl', `R<?>_ARG7_		_SM_EDNSBL_DO_ $: _SM_EDNSBL_MSG_')
ifelse(defn(`_ARG8_'), `', `dnl', `R<?>_ARG8_		_SM_EDNSBL_DO_ $: _SM_EDNSBL_MSG_')
ifelse(defn(`_ARG9_'), `', `dnl', `R<?>_ARG9_		_SM_EDNSBL_DO_ $: _SM_EDNSBL_MSG_')
POPDIVERT
