divert(-1)
dnl #
dnl # FEATURE(`dnsbl', list.domain [, message|`quarantine'|`discard'
dnl #	[, `t'|temp message]]): refuse clients whose IPv4 address is listed
dnl # in a DNS based list.  May be given several times.  DNSBL_MAP (default
dnl # "dns -R A") and DNSBL_MAP_OPT change the map.
dnl #
_SM_PART_
_DEFIFNOT(`DNSBL_MAP', `dns -R A')
ifdef(`_DNSBL_R_', `', `define(`_DNSBL_R_', `')dnl
ifelse(defn(`_ARG_'), `', `_SM_COMPLAIN_(`FEATURE(`dnsbl') needs the domain of the list')')dnl
PUSHDIVERT(6)Kdnsbl DNSBL_MAP -T<TMP>`'ifdef(`DNSBL_MAP_OPT', ` DNSBL_MAP_OPT')
POPDIVERT')
PUSHDIVERT(8)# DNS list _ARG_
R$*			$: $&{client_addr}
R$-.$-.$-.$-		$: <?> $(dnsbl $4.$3.$2.$1._ARG_. $: OK $)
R<?>OK			$: OKSOFAR
ifelse(defn(`_ARG3_'), `',
`R<?>$+<TMP>		$: TMPOK',
defn(`_ARG3_'), `t',
`R<?>$+<TMP>		$#error $@ 4.4.3 $: "451 Temporary lookup failure of " $&{client_addr} " at '_ARG_`"',
`R<?>$+<TMP>		$#error $@ 4.4.3 $: '_ARG3_)
ifelse(defn(`_ARG2_'), `quarantine',
`R<?>$+			$#error $@ quarantine $: '_ARG_,
defn(`_ARG2_'), `discard',
`R<?>$+			$#discard $: '_ARG_,
defn(`_ARG2_'), `',
`R<?>$+			$#error $@ 5.7.1 $: "550 Rejected: " $&{client_addr} " listed at '_ARG_`"',
`R<?>$+			$#error $@ 5.7.1 $: '_ARG2_)
POPDIVERT
