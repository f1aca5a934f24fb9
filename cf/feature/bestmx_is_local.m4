divert(-1)
dnl #
dnl # FEATURE(`bestmx_is_local' [, domains]): mail for hosts that list us as
dnl # their best MX is delivered here (only for the given domains, class B,
dnl # if any).  Does not work with wildcard MX records.
dnl #
_SM_PART_
define(`_BESTMX_IS_LOCAL_', defn(`_ARG_'))
LOCAL_CONFIG
Kbestmx bestmx
ifelse(defn(`_ARG_'), `', `dnl', `CB`'_ARG_')
LOCAL_NET_CONFIG
ifelse(defn(`_ARG_'), `',
`R$* < @ $* > $*			$: $1 < @ $2 @@ $(bestmx $2 $) > $3',
`R$* < @ $* $=B . > $*		$: $1 < @ $2 $3 . @@ $(bestmx $2 $3 . $) > $4')
R$* $=O $* < @ $* @@ $=w . > $*	$@ $>Recurse $1 $2 $3
R< @ $* @@ $=w . > : $*		$@ $>Recurse $3
R$* < @ $* @@ $=w . > $*	$@ $>CanonLocal < $1 >
R$* < @ $* @@ $* > $*		$: $1 < @ $2 > $4
