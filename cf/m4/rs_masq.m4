divert(-1)
dnl #
dnl # cf/m4/rs_masq.m4 -- masquerading: MasqHdr (93) for headers, MasqEnv (94)
dnl # for the envelope, with the genericstable; and ParseLocal (98), the hook
dnl # where LOCAL_RULE_0 goes.
dnl #
divert(0)dnl
############################################
###  MasqHdr (93): header addresses -> the masqueraded form
############################################
SMasqHdr=93

ifdef(`_GENERICS_TABLE_', `dnl
# feature genericstable: addresses in {G} (and unqualified ones) are
# looked up as user@domain, user+*@domain, user@domain (without detail),
# @domain, user, user+*, user.  A trailing @ marks "to be looked up".
ifdef(`_GENERICS_ENTIRE_DOMAIN_',
`R$+ < @ $* $=G . >	$: < $1@$2$3 > $1 < @ $2$3 . > @',
`R$+ < @ $=G . >	$: < $1@$2 > $1 < @ $2 . > @')
R$+ < @ *LOCAL* >	$: < $1@$j > $1 < @ *LOCAL* > @
R< $+ > $+ < $* > @	$: < $(generics $1 $: @ $1 $) > $2 < $3 >
R<@$+ + $* @ $+> $+ < @ $+ >
		$: < $(generics $1+*@$3 $@ $2 $:@$1 + $2@$3 $) >  $4 < @ $5 >
R<@$+ + $* @ $+> $+ < @ $+ >
		$: < $(generics $1@$3 $: $) > $4 < @ $5 >
R<@$+ > $+ < @ $+ >	$: < > $2 < @ $3 >		no full address entry
R< > $+ < @ $+ . >	$: < $(generics @$2 $@ $1 $: $) > $1 < @ $2 . >
R< > $+ < @ $+ >	$: < $(generics $1 $: $) > $1 < @ $2 >
R< > $+ + $* < @ $+ >	$: < $(generics $1+* $@ $2 $: $) > $1 + $2 < @ $3 >
R< > $+ + $* < @ $+ >	$: < $(generics $1 $: $) > $1 + $2 < @ $3 >
R< $* @ $* > $* < $* >	$@ $>canonify $1 @ $2		found, qualified
R< $+ > $* < $* >	$: $>canonify $1 @ *LOCAL*	found, unqualified
R< > $*			$: $1				not found', `dnl')

# class N is never masqueraded
R$* < @ $* $=N . >	$@ $1 < @ $2 $3 . >

ifdef(`MASQUERADE_NAME', `dnl
# class E users stay with their real host
R$=E < @ *LOCAL* >	$@ $1 < @ $j . >
ifdef(`_MASQUERADE_ENTIRE_DOMAIN_',
`R$=E < @ $* $=M . >	$@ $1 < @ $2 $3 . >',
`R$=E < @ $=M . >	$@ $1 < @ $2 . >')
ifdef(`_LIMITED_MASQUERADE_', `dnl',
`R$=E < @ $=w . >	$@ $1 < @ $2 . >')

# our names, {M} domains and unqualified names become $M
ifdef(`_MASQUERADE_ENTIRE_DOMAIN_',
`R$* < @ $* $=M . > $*	$: $1 < @ $2 $3 . @ $M > $4',
`R$* < @ $=M . > $*	$: $1 < @ $2 . @ $M > $3')
ifdef(`_LIMITED_MASQUERADE_', `dnl',
`R$* < @ $=w . > $*	$: $1 < @ $2 . @ $M > $3')
R$* < @ *LOCAL* > $*	$: $1 < @ $j . @ $M > $2
R$* < @ $+ @ > $*	$: $1 < @ $2 > $3		$M is empty
R$* < @ $+ @ $+ > $*	$: $1 < @ $3 . > $4		$M is set', `dnl
# no masquerading: only resolve *LOCAL*
R$* < @ *LOCAL* >	$@ $1 < @ $j . >')

############################################
###  MasqEnv (94): envelope addresses
############################################
SMasqEnv=94
ifdef(`_MASQUERADE_ENVELOPE_',
`R$+			$@ $>MasqHdr $1			like the headers',
`R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2')

############################################
###  ParseLocal (98): site rules for ruleset 0 (local rule 0)
############################################
SParseLocal=98
undivert(3)dnl LOCAL_RULE_0

