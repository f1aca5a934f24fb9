divert(-1)
dnl #
dnl # FEATURE(`redirect'): mail to "address.REDIRECT" (usually an alias for
dnl # someone who left) is refused with "551 User has moved; please try
dnl # <address>".  While the alias database is rebuilt (newaliases) such
dnl # addresses are left alone.
dnl #
_SM_PART_
LOCAL_RULE_0
dnl # FEATURE(`redirect')
R$* < @ $+ .REDIRECT. >		$: $1 < @ $2 . REDIRECT . > < ${opMode} >
R$* < @ $+ .REDIRECT. > <i>	$: $1 < @ $2 . REDIRECT. >
R$* < @ $+ .REDIRECT. > < $- >	$#error $@ 5.1.1 $: "551 User has moved; please try " <$1@$2>
LOCAL_CONFIG
dnl # .REDIRECT is a pseudo domain
CPREDIRECT
