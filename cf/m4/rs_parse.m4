divert(-1)
dnl #
dnl # cf/m4/rs_parse.m4 -- choosing the mailer: parse (0) with Parse0, Parse1
dnl # and ParseLocal (98); localaddr (5); the mailertable helpers Mailertable
dnl # (90), MailerToTriple (95) and CanonLocal.
dnl #
dnl # _LOCAL_, _SMTP_ and _RELAY_ stand for the names of the local, SMTP and
dnl # relay mailers (confLOCAL_MAILER, confSMTP_MAILER, confRELAY_MAILER).
dnl #
divert(0)dnl
############################################
###  parse (0): address -> $# mailer $@ host $: user
############################################
Sparse=0

R$*			$: $>Parse0 $1			syntax checks, strip ourselves
R<@>			$#_LOCAL_ $: <@>			the null address (for errors)
R$*			$: $>ParseLocal $1		site rules
R$*			$: $>Parse1 $1			pick the mailer

############################################
###  Parse0: reject bad syntax; remove our own host names so that what is
###  left is either user (local) or user < @ other.host . >.
###  Only returns $#error, never another mailer.
############################################
SParse0
R<@>			$@ <@>				null address
R$* : $* ; <@>		$#error $@ 5.1.3 $: "553 List:; syntax illegal for recipient addresses"
R@ <@ $* >		< @ $1 >			@@host
R<@ $+>			$#error $@ 5.1.3 $: "553 User address required"
R$+ <@>			$#error $@ 5.1.3 $: "553 Hostname required"
# literals: [a]:[b] and [a],[b] are routes; anything glued to a literal is not
R$*			$: <> $1
R<> $* < @ [ $* ] : $+ > $*	$1 < @ [ $2 ] : $3 > $4
R<> $* < @ [ $* ] , $+ > $*	$1 < @ [ $2 ] , $3 > $4
R<> $* < @ [ $* ] $+ > $*	$#error $@ 5.1.2 $: "553 Invalid address"
R<> $* < @ [ $+ ] > $*		$1 < @ [ $2 ] > $3
R<> $* <$* : $* > $*	$#error $@ 5.1.3 $: "553 Colon illegal in host name part"
R<> $*			$1
R$* < @ . $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* .. $* > $*	$#error $@ 5.1.2 $: "553 Invalid host name"
R$* < @ $* @ > $*	$#error $@ 5.1.2 $: "553 Invalid route address"
R$* @ $* < @ $* > $*	$#error $@ 5.1.3 $: "553 Invalid route address"
R$* , $~O $*		$#error $@ 5.1.3 $: "553 Invalid route address"
ifdef(`_STRICT_RFC821_', `dnl
R$* . < @ $* > $*	$#error $@ 5.1.2 $: "553 Local part must not end with a dot"
R. $* < @ $* > $*	$#error $@ 5.1.2 $: "553 Local part must not begin with a dot"
', `dnl')

# remove our own names; a local part that still routes elsewhere
# (it contains a class O operator) is parsed again
R$* < @ > $*		$@ $>Parse0 $>canonify $1	user@ -> user
R< @ $=w . > : $*	$@ $>Parse0 $>canonify $2	@here:rest -> rest
R$- < @ $=w . >		$: $(dequote $1 $) < @ $2 . >	"user"@here
R< @ $+ >		$#error $@ 5.1.3 $: "553 User address required"
R$* $=O $* < @ $=w . >	$@ $>Parse0 $>canonify $1 $2 $3	a%b@here -> a%b
R$-			$: $(dequote $1 $) < @ *LOCAL* >	"user"
R< @ *LOCAL* >		$#error $@ 5.1.3 $: "553 User address required"
R$* $=O $* < @ *LOCAL* >
			$@ $>Parse0 $>canonify $1 $2 $3	a%b -> a@b
R$* < @ *LOCAL* >	$: $1
ifdef(`_ADD_BCC_', `dnl
R$+			$: $>ParseBcc $1', `dnl')
ifdef(`_PREFIX_MOD_', `dnl
R _PREFIX_MOD_ $+	$: $1 $(macro {rcpt_flags} $@ _PREFIX_FLAGS_ $)', `dnl')

############################################
###  Parse1: the bottom half of parse
############################################
SParse1
ifdef(`_LDAP_ROUTING_', `dnl
# LDAP routed domains
R$+ < @ $={LDAPRoute} . >	$: $>LDAPExpand <$1 < @ $2 . >> <$1 @ $2> <>
R$+ < @ $={LDAPRouteEquiv} . >	$: $>LDAPExpand <$1 < @ $2 . >> <$1 @ $M> <>', `dnl')

ifdef(`_MAILER_smtp_', `dnl
# [1.2.3.4] literals: SMTP straight there, or to the smart host
R$* < @ [ $+ ] > $*	$: $>ParseLocal $1 < @ [ $2 ] > $3	local rules first
R$* < @ [ $+ ] > $*	$: $1 < @ [ $2 ] : $S > $3		glue on $S
R$* < @ [ $+ ] : > $*		$#_SMTP_ $@ [$2] $: $1 < @ [$2] > $3	no smart host
R$* < @ [ $+ ] : $- : $*> $*	$#$3 $@ $4 $: $1 < @ [$2] > $5		mailer:host
R$* < @ [ $+ ] : $+ > $*	$#_SMTP_ $@ $3 $: $1 < @ [$2] > $4	host', `dnl')

ifdef(`_VIRTUSER_TABLE_', `dnl
# feature virtusertable: for our domains and {VirtHost}, the table is
# tried with user@dom, then (for user+detail) user++@dom, user+*@dom and
# user@dom, then the catch-alls ++@dom, +*@dom and @dom.  %1 is the user,
# %2 the detail, %3 "+detail".  A hit is parsed again from the start.
ifdef(`_VIRTUSER_STOP_ONE_LEVEL_RECURSION_', `dnl
R$+ < @ $+ >			$: $(macro {RecipientAddress} $) $1 < @ $2 >
R$+ < @ $+ >			$: <?> $1 < @ $2 > $| $>final $1 < @ $2 >
R<?> $+ $| $+			$: $1 $(macro {RecipientAddress} $@ $2 $)
R<?> $+ $| $*			$: $1', `dnl')
R$+			$: <!> $1			to be looked up
ifdef(`_VIRTUSER_ENTIRE_DOMAIN_',
`R<!> $+ < @ $* $={VirtHost} . >	$: < $(virtuser $1 @ $2 $3 $@ $1 $: @ $) > $1 < @ $2 $3 . >',
`R<!> $+ < @ $={VirtHost} . >	$: < $(virtuser $1 @ $2 $@ $1 $: @ $) > $1 < @ $2 . >')
R<!> $+ < @ $=w . >	$: < $(virtuser $1 @ $2 $@ $1 $: @ $) > $1 < @ $2 . >
# <@>: no entry for the full address yet
R<@> $+ + $+ < @ $* . >
			$: < $(virtuser $1 + + @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $* < @ $* . >
			$: < $(virtuser $1 + * @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $* < @ $* . >
			$: < $(virtuser $1 @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $+ < @ $+ . >	$: < $(virtuser + + @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
R<@> $+ + $* < @ $+ . >	$: < $(virtuser + * @ $3 $@ $1 $@ $2 $@ +$2 $: @ $) > $1 + $2 < @ $3 . >
# the last try for user+detail; <!> then means "nothing found"
R<@> $+ + $* < @ $+ . >	$: < $(virtuser @ $3 $@ $1 $@ $2 $@ +$2 $: ! $) > $1 + $2 < @ $3 . >
R<@> $+ < @ $+ . >	$: < $(virtuser @ $2 $@ $1 $: @ $) > $1 < @ $2 . >
R<@> $+			$: $1				no entry
R<!> $+			$: $1				not one of ours
R< error : $-.$-.$- : $+ > $*	$#error $@ $1.$2.$3 $: $4
R< error : $- $+ > $*	$#error $@ $(dequote $1 $) $: $2
ifdef(`_VIRTUSER_STOP_ONE_LEVEL_RECURSION_', `dnl
R< $+ > $+ < @ $+ >				$: < $1 > $2 < @ $3 > $| $1
R< $+ > $+ < @ $+ > $| $&{RecipientAddress}	$: $>ParseLocal $>Parse0 $>canonify $1
R< $+ > $+ < @ $+ > $| $*			$: < $1 > $2 < @ $3 >', `dnl')
ifdef(`_NO_VIRTUSER_RECURSION_',
`R< $+ > $+ < @ $+ >	$: $>ParseLocal $>Parse0 $>canonify $1',
`R< $+ > $+ < @ $+ >	$: $>Recurse $1')
', `dnl')

ifdef(`_MAILER_usenet_', `dnl
R$+ . USENET < @ $=w . >	$#usenet $@ usenet $: $1	newsgroup.USENET', `dnl')

# mail for this host
ifdef(`_STICKY_LOCAL_DOMAIN_',
`R$+ < @ $=w . >		$: < $H > $1 < @ $2 . >		the hub, if any
R< $+ > $+ < $+ >	$>MailerToTriple < $1 > $2 < $3 >	... has it
R< > $+ + $* < $+ >	$#_LOCAL_ $: $1 + $2		user+detail@here
R< > $+ < $+ >		$#_LOCAL_ $: @ $1			user@here, sticky',
`R$=L < @ $=w . >	$#_LOCAL_ $: @ $1			class L users
R$+ < @ $=w . >		$#_LOCAL_ $: $1			user@here')

ifdef(`_MAILER_TABLE_', `dnl
# feature mailertable: the full host name first, then ever shorter
# .domain parents, then "."
R$* <@ $+ > $*		$: < $2 > $1 < @ $2 > $3	copy the host
R< $+ . > $*		$: < $1 > $2			... without its dot
R< $+ > $*		$: < $(mailertable $1 $) > $2	look it up
R< $~[ : $* > $*	$>MailerToTriple < $1 : $2 > $3		found mailer:host
R< $+ > $*		$: $>Mailertable <$1> $2		try the parents', `dnl')
undivert(4)dnl UUCP rules (MAILER(`uucp'), LOCAL_UUCP)

ifdef(`_NO_UUCP_', `dnl', `dnl
ifdef(`_CLASS_V_',
`R$* < @ $=V . UUCP . > $*		$: $>MailerToTriple < $V > $1 <@$2.UUCP.> $3', `dnl')
ifdef(`_CLASS_W_',
`R$* < @ $=W . UUCP . > $*		$: $>MailerToTriple < $W > $1 <@$2.UUCP.> $3', `dnl')
ifdef(`_CLASS_X_',
`R$* < @ $=X . UUCP . > $*		$: $>MailerToTriple < $X > $1 <@$2.UUCP.> $3', `dnl')')

# pseudo domains handled by relays or special mailers
ifdef(`BITNET_RELAY',
`R$*<@$+.BITNET.>$*	$: $>MailerToTriple < $B > $1 <@$2.BITNET.> $3	user@host.BITNET', `dnl')
ifdef(`DECNET_RELAY',
`R$*<@$+.DECNET.>$*	$: $>MailerToTriple < $C > $1 <@$2.DECNET.> $3	user@host.DECNET', `dnl')
ifdef(`_MAILER_pop_',
`R$+ < @ POP. >		$#pop $: $1			user@POP', `dnl')
ifdef(`_MAILER_fax_',
`R$+ < @ $+ .FAX. >	$#fax $@ $2 $: $1		user@host.FAX',
`ifdef(`FAX_RELAY',
`R$*<@$+.FAX.>$*		$: $>MailerToTriple < $F > $1 <@$2.FAX.> $3	user@host.FAX', `dnl')')
ifdef(`UUCP_RELAY',
`R$*<@$*.UUCP.>$*		$: $>MailerToTriple < $Y > $1 <@$2.UUCP.> $3	uucp mail',
`ifdef(`_MAILER_uucp_',
`R$* < @ $+ .UUCP. > $*		$#_UUCP_ $@ $2 $: $1 < @ $2 .UUCP. > $3	user@host.UUCP', `dnl')')
ifdef(`_MAILER_usenet_',
`R$+ . USENET		$#usenet $@ usenet $: $1	group.USENET', `dnl')

ifdef(`_LOCAL_RULES_', `dnl
# site rules for other hosts (local net config)
undivert(1)dnl', `dnl')

# still a host part: the smart host, if there is one
R$* < @ $* > $*		$: $>MailerToTriple < $S > $1 < @ $2 > $3

# and otherwise SMTP to the host itself
ifdef(`_MAILER_smtp_',
`R$* < @$* > $*		$#_SMTP_ $@ $2 $: $1 < @ $2 > $3	user@host.domain',
`R$* < @$* > $*		$#error $@ 5.1.2 $: "553 Unrecognized host name " $2')

# what is left is delivered here
R$=L			$#_LOCAL_ $: @ $1		class L users
R$+			$#_LOCAL_ $: $1			everybody else

ifdef(`_ADD_BCC_', `dnl
SParseBcc
R$+			$: $&{addr_type} $| $&A $| $1
Re b $| $+ $| $+	$>MailerToTriple < $1 > $2	copy?
R$* $| $* $| $+		$@ $3				no copy
', `dnl')

############################################
###  localaddr (5): local names after aliasing
############################################
SLocal_localaddr
Slocaladdr=5
R$+			$: $1 $| $>"Local_localaddr" $1
R$+ $| $#ok		$@ $1				Local_localaddr: keep
R$+ $| $#$*		$#$2				Local_localaddr: decided
R$+ $| $*		$: $1

ifdef(`_PRESERVE_LUSER_HOST_', `dnl
# keep the recipient host in {Host} for LUSER_RELAY
R$+			$: $1 $| $&h $| $&{Host}
R$+ $| $|		$: $(macro {Host} $@ $) $1
R$+ $| $| $+		$: $1
R$+ $| +$* $| $*	$: $1
R$+ $| $* @ $+ $| $*	$: $(macro {Host} $@ @$3 $) $1
R$+ $| $+ $| $*		$: $(macro {Host} $@ @$2 $) $1
', `dnl')
ifdef(`_FFR_5_', `dnl
R$+			$: $(macro {LocalAddrHost} $) $1
R$+ @ $+		$: $(macro {LocalAddrHost} $@ @ $2 $) $1', `dnl')

ifdef(`_PRESERVE_LOCAL_PLUS_DETAIL_', `dnl', `dnl
# user+detail: look up user (aliases, .forward) but keep the detail
R$+ + *			$#_LOCAL_ $@ $&h $: $1`'ifdef(`_FFR_5_', ` $&{LocalAddrHost}')
R$+ + $*		$#_LOCAL_ $@ + $2 $: $1 + *`'ifdef(`_FFR_5_', ` $&{LocalAddrHost}')
')
# <forward host> user
R$+			$: <> $1

ifdef(`LUSER_RELAY', `dnl
# users without an account go to LUSER_RELAY
ifdef(`_PRESERVE_LOCAL_PLUS_DETAIL_', `dnl
R< > $+ + $*		$: < ? $L > <+ $2> $(user $1 $)
R< > $+			$: < ? $L > < > $(user $1 $)
R< ? $* > < $* > $+ <>	$: < > $3 $2
R< ? $* > < $* > $+	$: < $1 > $3 $2', `dnl
R< > $+			$: < $L > $(user $1 $)		an account?
R< $* > $+ <>		$: < > $2			yes: here')
ifdef(`_PRESERVE_LUSER_HOST_', `dnl
R< $+ > $+		$: < $1 > $2 $&{Host}', `dnl')
', `dnl')
ifdef(`MAIL_HUB', `dnl
R< > $+			$: < $H > $1			to the hub', `dnl')
ifdef(`LOCAL_RELAY', `dnl
R< > $+			$: < $R > $1			to the local relay', `dnl')
ifdef(`_PRESERVE_LOCAL_PLUS_DETAIL_', `dnl
R< > $+			$@ $1', `dnl
# staying here: put the +detail (in $h) back
R< > $+			$: < > < $1 <> $&h >
ifdef(`_PRESERVE_LUSER_HOST_', `dnl
R< > < $+ @ $+ <> + $* >	$: < > < $1 + $3 @ $2 >', `dnl')
R< > < $+ <> + $* >	$: < > < $1 + $2 >
R< > < $+ <> $* >	$: < > < $1 >
R< > < $+ + $* > $*	   < > < $1 > + $2 $3
R< > < $+ > + $*	$#_LOCAL_ $@ $2 $: @ $1`'ifdef(`_FFR_5_', ` $&{LocalAddrHost}')
R< > < $+ >		$@ $1
# going elsewhere: with the +detail
R$+			$: $1 <> $&h
ifdef(`_PRESERVE_LUSER_HOST_', `dnl
R$+ @ $+ <> + $*	$: $1 + $3 @ $2', `dnl')
R$+ <> + $*		$: $1 + $2
R$+ <> $*		$: $1')
R< local : $* > $*	$: $>MailerToTriple < local : $1 > $2
R< error : $* > $*	$: $>MailerToTriple < error : $1 > $2
ifdef(`_PRESERVE_LUSER_HOST_', `dnl
R< $~[ : $+ > $+ @ $+	$: $>MailerToTriple < $1 : $2 > $3 < @ $4 >', `dnl')
R< $~[ : $+ > $+	$: $>MailerToTriple < $1 : $2 > $3 < @ $2 >
ifdef(`_PRESERVE_LUSER_HOST_', `dnl
R< $+ > $+ @ $+		$@ $>MailerToTriple < $1 > $2 < @ $3 >', `dnl')
R< $+ > $+		$@ $>MailerToTriple < $1 > $2 < @ $1 >

ifdef(`_MAILER_TABLE_', `dnl
ifdef(`_LDAP_ROUTING_', `dnl
############################################
###  LDAPMailertable: mailertable for LDAP routed hosts
############################################
SLDAPMailertable
R< $+ > $*		$: < $(mailertable $1 $) > $2
R< $~[ : $* > $*	$>MailerToTriple < $1 : $2 > $3
R< $+ > $*		$: < $1 > $>Mailertable <$1> $2
R< $+ > $#$*		$#$2
R< $+ > $*		$#_RELAY_ $@ $1 $: $2', `dnl')

############################################
###  Mailertable (90): try the parent domains of a host
###	input: lefthand-part < righthand.part > address
############################################
SMailertable=90
R$* <$- . $+ > $*	$: $1$2 < $(mailertable .$3 $@ $1$2 $@ $2 $) > $4
R$* <$~[ : $* > $*	$>MailerToTriple < $2 : $3 > $4		found
R$* < . $+ > $*		$@ $>Mailertable $1 . <$2> $3		one level up
R$* < $* > $*		$: < $(mailertable . $@ $1$2 $) > $3	the "." entry
R< $~[ : $* > $*	$>MailerToTriple < $1 : $2 > $3		found
R< $* > $*		$@ $2					nothing', `dnl')

############################################
###  MailerToTriple (95): <[mailer:]host> address -> mailer triple
###	<> addr			addr (no relay)
###	<error:...> addr	$#error
###	<local:user> addr	local delivery, see CanonLocal
###	<m:user@host> addr	$#m $@ host $: user@host
###	<m:host> addr		$#m $@ host $: addr
###	<one of ours> addr	addr
###	<host> addr		$#relay-mailer $@ host $: addr
############################################
SMailerToTriple=95
R< > $*				$@ $1			no relay
R< error : $-.$-.$- : $+ > $*	$#error $@ $1.$2.$3 $: $4
R< error : $- : $+ > $*		$#error $@ $(dequote $1 $) $: $2
R< error : $+ > $*		$#error $: $1
R< local : $* > $*		$>CanonLocal < $1 > $2
R< $~[ : $+ @ $+ > $*<$*>$*	$# $1 $@ $3 $: $2<@$3>	mailer:user@host
R< $~[ : $+ > $*		$# $1 $@ $2 $: $3	mailer:host
R< $=w > $*			$@ $2			a name of ours
R< $+ > $*			$#_RELAY_ $@ $1 $: $2	plain host

############################################
###  CanonLocal: local:[user[@host]] from a mailertable or relay macro
############################################
SCanonLocal
# routed addresses are parsed again without our part
R< $* > < @ $+ > : $+		$@ $>Recurse $3
R< $* > $+ $=O $+ < @ $+ >	$@ $>Recurse $2 $3 $4
R< $* > $* < @ $* . >		$: < $1 > $2 < @ $3 >	no trailing dot
# local: -- the original user
R< > $* < @ $* > $*		$#_LOCAL_ $@ $1@$2 $: $1
R< > $+				$#_LOCAL_ $@ $1    $: $1
# local:user@host -- only the user counts
R< $+ @ $+ > $* < @ $* >	$: < $1 > $3 < @ $4 >
# local:user
R< $+ > $* <@ $* > $*		$#_LOCAL_ $@ $2@$3 $: $1
R< $+ > $*			$#_LOCAL_ $@ $2    $: $1

