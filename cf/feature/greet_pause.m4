divert(-1)
dnl #
dnl # FEATURE(`greet_pause' [, milliseconds]): wait before the SMTP greeting
dnl # and refuse clients that talk first.  With the access map, GreetPause:
dnl # entries (host, domain, address, net) give the wait; the argument is
dnl # the default.  Site rules: ruleset Local_greet_pause.
dnl #
_SM_PART_
ifelse(defn(`_ARG_'), `', `ifdef(`_ACCESS_TABLE_', `',
	`_SM_COMPLAIN_(`FEATURE(`greet_pause') needs a time or FEATURE(`access_db')')')')
define(`_GREET_PAUSE_', `')
LOCAL_RULESETS
############################################
###  greet_pause: how long to wait before the greeting
###	input: {client_name} $| {client_addr}
############################################
SLocal_greet_pause
Sgreet_pause
R$*			$: <$1><?> $| $>"Local_greet_pause" $1
R<$*><?> $| $#$*	$#$2
R<$*><?> $| $*		$: $1
ifdef(`_ACCESS_TABLE_', `dnl
R$+ $| $+		$: $>D < $1 > <?> <! GreetPause> < $2 >
R   $| $+		$: $>A < $1 > <?> <! GreetPause> <>	no client name
R<?> <$+>		$: $>A < $1 > <?> <! GreetPause> <>	name not listed
ifelse(defn(`_ARG_'), `',
`R<?> <$*>		$@',
`R<?> <$*>		$# _ARG_')
R<$* <TMPF>> <$*>	$@
R<$+> <$*>		$# $1', `dnl
R$*			$# _ARG_')
