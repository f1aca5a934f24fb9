divert(-1)
dnl #
dnl # cf/m4/rs_policy.m4 -- SMTP policy: check_relay (connection), check_mail
dnl # (MAIL FROM), check_rcpt (RCPT TO) with their Local_ and Basic_ parts, the
dnl # relay decision (Rcpt_ok, Relay_ok) and the helpers CanonAddr and
dnl # ParseRecipient; FEATURE(`delay_checks') support.
dnl #
dnl # With FEATURE(`delay_checks') the sendmail-called names check_relay and
dnl # check_mail are not defined (the checks are called from check_rcpt under
dnl # the names checkrelay and checkmail): _U_ is "_" without the feature and
dnl # empty with it.
dnl #
dnl # Messages: confREJECT_MSG (REJECT in the access map), confRELAY_MSG (no
dnl # relaying), confRCPTREJ_MSG (REJECT for a recipient), _TMPFMSG_(code)
dnl # (access map failed).
dnl #
define(`_SM_REJECT_', `ifdef(`confREJECT_MSG', `$: confREJECT_MSG', `$`'@ 5.7.1 $: "550 Access denied"')')
divert(0)dnl
############################################
###  CanonAddr: canonify + Parse0, for the policy checks
############################################
SCanonAddr
R$*			$: $>Parse0 $>canonify $1
ifdef(`_USE_DEPRECATED_ROUTE_ADDR_', `dnl
R< @ $+ > : $* @ $*	< @ $1 > : $2 % $3
R$* < @ $+ > : $* : $*	$3 $1 < @ $2 > : $4
R$* < @ $+ > : $*	$3 $1 < @ $2 >', `dnl')

############################################
###  ParseRecipient: strip relayable hosts from routed recipients
###	user%other@relayable -> user@other (checked again)
############################################
SParseRecipient
R$*				$: <?> $>CanonAddr $1
R<?> $* < @ $* . >		<?> $1 < @ $2 >			no trailing dot
R<?> $- < @ $* >		$: <?> $(dequote $1 $) < @ $2 >	"user"
# only a local part with a class O operator routes further
R<?> $* $=O $* < @ $* >		$: <NO> $1 $2 $3 < @ $4>
R<?> $*				$@ $1
ifdef(`_RELAY_ENTIRE_DOMAIN_', `dnl
R<NO> $* < @ $* $=m >		$: <RELAY> $1 < @ $2 $3 >', `dnl')
ifdef(`_RELAY_HOSTS_ONLY_',
`R<NO> $* < @ $=R >		$: <RELAY> $1 < @ $2 >
ifdef(`_ACCESS_TABLE_', `dnl
R<NO> $* < @ $+ >		$: <$(access To:$2 $: NO $)> $1 < @ $2 >
R<NO> $* < @ $+ >		$: <$(access $2 $: NO $)> $1 < @ $2 >', `dnl')',
`R<NO> $* < @ $* $=R >		$: <RELAY> $1 < @ $2 $3 >
ifdef(`_ACCESS_TABLE_', `dnl
R<NO> $* < @ $+ >		$: $>D <$2> <NO> <+ To> <$1 < @ $2 >>
R<$+> <$+>			$: <$1> $2', `dnl')')
ifdef(`_RELAY_MX_SERVED_', `dnl
R<NO> $* < @ $+ >		$: <MX> < : $(mxserved $2 $) : > < $1 < @$2 > >
R<MX> < : $* <TEMP> : > $*	$#TEMP $@ 4.4.0 $: "450 Can not check MX records for recipient host " $1
R<MX> < $* : $=w. : $* > < $+ >	$: <RELAY> $4
R<MX> < : $* : > < $+ >		$: <NO> $2', `dnl')
R<RELAY> $* < @ $* >		$@ $>ParseRecipient $1		relayable: again
R<$+> $*			$@ $2

ifdef(`_CONTROL_IMMEDIATE_', `dnl
############################################
###  check_relay, immediate part (ratecontrol/conncontrol `nodelay')
############################################
Scheck_relay
ifdef(`_RATE_CONTROL_IMMEDIATE_', `dnl
R$*		$: $>"RateControl" dummy', `dnl')
ifdef(`_CONN_CONTROL_IMMEDIATE_', `dnl
R$*		$: $>"ConnControl" dummy', `dnl')
', `dnl')

############################################
###  check_relay: the connecting client
###	input: {client_name} $| {client_addr}
############################################
SLocal_check_relay
Scheck`'_U_`'relay
ifdef(`_USE_CLIENT_PTR_', `dnl
R$* $| $*		$: $&{client_ptr} $| $2', `dnl')
R$*			$: $1 $| $>"Local_check_relay" $1
R$* $| $* $| $#$*	$#$3
R$* $| $* $| $*		$@ $>"Basic_check_relay" $1 $| $2

SBasic_check_relay
# deferred delivery mode: no checks
R$*			$: < $&{deliveryMode} > $1
R< d > $*		$@ deferred
R< $* > $*		$: $2
ifdef(`_ACCESS_TABLE_', `dnl
# Connect: entries for the name, then the address
R$+ $| $+		$: $>D < $1 > <?> <+ Connect> < $2 >
R   $| $+		$: $>A < $1 > <?> <+ Connect> <>	no client name
R<?> <$+>		$: $>A < $1 > <?> <+ Connect> <>	name not found
R<?> <$*>		$: OK				nothing: go on
R<$={Accept}> <$*>	$@ $1				OK/RELAY: done
R<REJECT> <$*>		$#error _SM_REJECT_
R<DISCARD> <$*>		$#discard $: discard
R<QUARANTINE:$+> <$*>	$#error $@ quarantine $: $1
R<ERROR:$-.$-.$-:$+> <$*>	$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> <$*>		$#error $: $1
ifdef(`_ATMPF_', `R<$* _ATMPF_> <$*>		$#error $@ 4.3.0 $: _TMPFMSG_(`CR')', `dnl')
R<$+> <$*>		$#error $: $1			any other text: an error', `dnl')
ifdef(`_RBL_', `dnl
R$*			$: $&{client_addr}
R$-.$-.$-.$-		$: <?> $(host $4.$3.$2.$1._RBL_. $: OK $)
R<?>OK			$: OKSOFAR
R<?>$+			$#error $@ 5.7.1 $: "550 Rejected: " $&{client_addr} " listed at _RBL_"', `dnl')
ifdef(`_RATE_CONTROL_', `ifdef(`_RATE_CONTROL_IMMEDIATE_', `', `dnl
R$*		$: $>"RateControl" dummy')', `dnl')
ifdef(`_CONN_CONTROL_', `ifdef(`_CONN_CONTROL_IMMEDIATE_', `', `dnl
R$*		$: $>"ConnControl" dummy')', `dnl')
undivert(8)dnl DNS based lists (FEATURE(`dnsbl'), LOCAL_DNSBL)
ifdef(`_REQUIRE_RDNS_', `dnl
# feature require_rdns
R$*			$: $&{client_addr} $| $&{client_resolve}
R$=R $*			$@ RELAY		we relay for these
R$* $| OK		$@ OK			resolves
R$* $| FAIL		$#error $@ 5.7.1 $: 550 Fix reverse DNS for $1
R$* $| TEMP		$#error $@ 4.1.8 $: 451 Client IP address $1 does not resolve
R$* $| FORGED		$#error $@ 4.1.8 $: 451 Possibly forged hostname for $1
', `dnl')

############################################
###  check_mail: MAIL FROM
############################################
SLocal_check_mail
Scheck`'_U_`'mail
R$*			$: $1 $| $>"Local_check_mail" $1
R$* $| $#$*		$#$2
R$* $| $*		$@ $>"Basic_check_mail" $1

SBasic_check_mail
R$*			$: < $&{deliveryMode} > $1
R< d > $*		$@ deferred
R< $* > $*		$: $2
# STARTTLS requirements for this client (tls_client)
R$*			$: $1 $| $>"tls_client" $&{verify} $| MAIL
R$* $| $#$+		$#$2
R$* $| $*		$: $1

# the null sender is always accepted (RFC 1123)
R<>			$@ <OK>
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `dnl', `dnl
# user@localhost (and such) and, with daemon modifier f, user@host are
# accepted only from one of our own hosts
R$+			$: <?> $1
R<?><$+>		$: <@> <$1>
R<?>$+			$: <@> <$1>
R$*			$: $&{daemon_flags} $| $1
R$* f $* $| <@> < $* @ $- >	$: < ? $&{client_name} > < $3 @ $4 >
R$* u $* $| <@> < $* >	$: <?> < $3 >
R$* $| $*		$: $2
R<@> < $* @ localhost >	$: < ? $&{client_name} > < $1 @ localhost >
R<@> < $* @ [127.0.0.1] >
			$: < ? $&{client_name} > < $1 @ [127.0.0.1] >
R<@> < $* @ [IPv6:0:0:0:0:0:0:0:1] >
			$: < ? $&{client_name} > < $1 @ [IPv6:0:0:0:0:0:0:0:1] >
R<@> < $* @ [IPv6:::1] >
			$: < ? $&{client_name} > < $1 @ [IPv6:::1] >
R<@> < $* @ localhost.$m >
			$: < ? $&{client_name} > < $1 @ localhost.$m >
ifdef(`_NO_UUCP_', `dnl',
`R<@> < $* @ localhost.UUCP >
			$: < ? $&{client_name} > < $1 @ localhost.UUCP >')
R<@> $*			$: $1				an ordinary address
R<? $=w> $*		$: $2				from one of ours: fine
R<? $+> <$+>		$#error $@ 5.5.4 $: "553 Real domain name required for sender address"
R<?> $*			$: $1')
# does the domain exist?
R$*			$: <?> $>CanonAddr $1
R<?> $* < @ $+ . >	<?> $1 < @ $2 >			no trailing dot
R<?> $* < @ $* $=P >	$: <_RES_OK_> $1 < @ $2 $3 >	pseudo domains
R<?> $* < @ $j >	$: <_RES_OK_> $1 < @ $j >	our own name
ifdef(`_ACCEPT_UNRESOLVABLE_DOMAINS_',
`R<?> $* < @ $+ >	$: <_RES_OK_> $1 < @ $2 >		anything goes',
`R<?> $* < @ $+ >	$: <? $(resolve $2 $: $2 <PERM> $) > $1 < @ $2 >
R<? $* <$->> $* < @ $+ >
			$: <$2> $3 < @ $4 >')
ifdef(`_ACCESS_TABLE_', `dnl
# From: entries: the address, user@, the domain
R<$+> $+ < @ $* >	$: @<$1> <$2 < @ $3 >> $| <F:$2@$3> <U:$2@> <D:$3>
R<$+> $+		$: @<$1> <$2> $| <U:$2@>
R@ <$+> <$*> $| <$+>	$: <@> <$1> <$2> $| $>SearchList <+ From> $| <$3> <>
R<@> <$+> <$*> $| <$*>	$: <$3> <$1> <$2>
R<?> <$+> <$*>		$: <$1> $2			not in the map
R<$+> <$+> <$*>		$: <$1> $3			the map decides', `dnl')
ifdef(`_ACCEPT_UNQUALIFIED_SENDERS_', `dnl', `dnl
# no domain: only for local submissions (or with daemon modifier u)
R<?> $*			$: $&{daemon_flags} $| <?> $1
R$* u $* $| <?> $*	$: <_RES_OK_> $3
R$* $| $*		$: $2
R<?> $*			$: < ? $&{client_addr} > $1
R<?> $*			$@ <_RES_OK_>			local: ok
R<? $+> $*		$#error $@ 5.5.4 $: "553 Domain name required for sender address " $&f')
R<?> $*			$: @ $1				nothing known
R<$={ResOk}> $*		$: @ $2				domain is fine
R<TEMP> $*		$#error $@ 4.1.8 $: "451 Domain of sender address " $&f " does not resolve"
R<PERM> $*		$#error $@ 5.1.8 $: "553 Domain of sender address " $&f " does not exist"
ifdef(`_ACCESS_TABLE_', `dnl
R<$={Accept}> $*	$# $1				OK/RELAY from the map
R<DISCARD> $*		$#discard $: discard
R<QUARANTINE:$+> $*	$#error $@ quarantine $: $1
R<REJECT> $*		$#error _SM_REJECT_
R<ERROR:$-.$-.$-:$+> $*		$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> $*		$#error $: $1
ifdef(`_ATMPF_', `R<_ATMPF_> $*		$#error $@ 4.3.0 $: _TMPFMSG_(`CM')', `dnl')
R<$+> $*		$#error $: $1			other text: an error', `dnl')
ifdef(`_BADMX_CHK_', `dnl
R@ $*<@$+>$*		$: $1<@$2>$3 $| $>BadMX $2
R$* $| $#$*		$#$2

SBadMX
R$+				$:<MX><$1><:$(mxlist $1$):><:>
R<MX><$+><:$*<TEMP>:><$*>	$#error $@ 4.1.2 $: "450 MX lookup failure for "$1
R<MX><$*><:$+:$*><:$*>		<MX><$1><:$3><: $4 $(badmx $2 $):>
R<MX><$*><$*><$*<BADMX>:$*>	$#error $@ 5.1.2 $:"550 Illegal MX record for host "$1
R<MX><$*><$*><$*>		$:<MX><$1><$3><$2>
R<MX><$*><:$+:$*><:$*>		<MX><$1><:$3><:$4 $(dnsA $2 $) :>
R<MX><$*><$*><$*>		$:<MX><$1><$3><$2>
R<MX><$*><:$+:$*><:$*>		<MX><$1><:$3><:$4 $(BadMXIP $2 $) :>
R<MX><$*><$*><$*<BADMXIP>:$*>	$#error $@ 5.1.2 $:"550 Invalid MX record for host "$1', `dnl')

############################################
###  check_rcpt: RCPT TO
############################################
SLocal_check_rcpt
Scheck`'_U_`'rcpt
R$*			$: $1 $| $>"Local_check_rcpt" $1
R$* $| $#$*		$#$2
R$* $| $*		$@ $>"Basic_check_rcpt" $1

SBasic_check_rcpt
R<>			$#error $@ nouser $: "553 User address required"
R$@			$#error $@ nouser $: "553 User address required"
R$*			$: < $&{deliveryMode} > $1
R< d > $*		$@ deferred
R< $* > $*		$: $2
ifdef(`_REQUIRE_QUAL_RCPT_', `dnl
# daemon modifier r: recipients must be fully qualified
R$+			$: <?> $1
R<?> <$+>		$: <@> <$1>
R<?> $+			$: <@> <$1>
R<@> < postmaster >	$: postmaster
R<@> < $* @ $+ . $+ >	$: < $1 @ $2 . $3 >
R<@> $*			$: $&{daemon_flags} $| <@> $1
R$* r $* $| <@> < $+ @ $+ >	$: < $3 @ $4 >
R$* r $* $| <@> < $* >	$: < ? $&{client_name} > < $3 >
R<?> < $* >		$: <$1>
R<? $=w> < $* >		$: <$1>
R<? $+> <$+>		$#error $@ 5.5.4 $: "553 Fully qualified domain name required"
R$* $| <@> $*		$: $2', `dnl')
# Rcpt_ok decides for the recipient, Relay_ok for the client; either may
# say RELAY.  $#TEMP is a temporary failure that another RELAY overrides.
R$*			$: $1 $| @ $>"Rcpt_ok" $1
R$* $| @ $#TEMP $+	$: $1 $| T $2
R$* $| @ $#$*		$#$2
ifdef(`_PROMISCUOUS_RELAY_', `divert(-1)', `dnl')
R$* $| @ RELAY		$@ RELAY
R$* $| @ $*		$: O $| $>"Relay_ok" $1
R$* $| T $+		$: T $2 $| $>"Relay_ok" $1
R$* $| $#TEMP $+	$#error $2
R$* $| $#$*		$#$2
R$* $| RELAY		$@ RELAY
R T $+ $| $*		$#error $1
# nobody said RELAY
R$*			$#error $@ 5.7.1 $: confRELAY_MSG
divert(0)dnl

############################################
###  Rcpt_ok: may mail go to this recipient?
###	$#...: stop with that, RELAY: yes, anything else: ask Relay_ok
############################################
SRcpt_ok
ifdef(`_LOOSE_RELAY_CHECK_', `dnl
R$*			$: $>CanonAddr $1
R$* < @ $* . >		$1 < @ $2 >			no trailing dot',
`R$*			$: $>ParseRecipient $1		strip relayable hosts')
ifdef(`_BESTMX_IS_LOCAL_', `dnl
ifelse(_BESTMX_IS_LOCAL_, `', `dnl
R$* < @ $* > $*			$: $1 < @ $2 @@ $(bestmx $2 $) > $3', `dnl
R$* < @ $* $=B > $*		$: $1 < @ $2 $3 @@ $(bestmx $2 $3 $) > $4')
R$* $=O $* < @ $* @@ $=w . > $*	$@ $>"Rcpt_ok" $1 $2 $3
R$* < @ $* @@ $=w . > $*	$: $1 < @ $3 > $4
R$* < @ $* @@ $* > $*		$: $1 < @ $2 > $4', `dnl')
ifdef(`_BLOCKLIST_RCPT_', `ifdef(`_ACCESS_TABLE_', `dnl
# feature blocklist_recipients: To: entries for the address, user@
# (our domains only) and the domain
R$*			$: <?> $1
R<?> $+ < @ $=w >	$: <> <$1 < @ $2 >> $| <F:$1@$2> <U:$1@> <D:$2>
R<?> $+ < @ $* >	$: <> <$1 < @ $2 >> $| <F:$1@$2> <D:$2>
R<?> $+			$: <> <$1> $| <U:$1@>
R<> <$*> $| <$+>	$: <@> <$1> $| $>SearchList <+ To> $| <$2> <>
R<@> <$*> $| <$*>	$: <$2> <$1>
R<?> <$*>		$: @ $1				not listed
R<$={Accept}> <$*>	$: @ $2				OK/RELAY: not a block
ifdef(`_ACCESS_SKIP_', `dnl
R<SKIP> <$*>		$: @ $1', `dnl')
ifdef(`_DELAY_COMPAT_8_10_', `dnl
R<$={SpamTag}> <$*>	$: @ $2', `dnl')
R<REJECT> $*		$#error $@ 5.2.1 $: confRCPTREJ_MSG
R<DISCARD> $*		$#discard $: discard
R<QUARANTINE:$+> $*	$#error $@ quarantine $: $1
R<ERROR:$-.$-.$-:$+> $*		$#error $@ $1.$2.$3 $: $4
R<ERROR:$+> $*		$#error $: $1
ifdef(`_ATMPF_', `R<_ATMPF_> $*		$#error $@ 4.3.0 $: _TMPFMSG_(`ROK1')', `dnl')
R<$+> $*		$#error $: $1			other text: an error
R@ $*			$1', `dnl')', `dnl')
ifdef(`_PROMISCUOUS_RELAY_', `divert(-1)', `dnl')
# a client certificate we trust
R$*			$: $1 $| $>RelayTLS
R$* $| $# $+		$# $2
R$* $| $*		$: $1
# SMTP AUTH with a trusted mechanism
R$*			$: $1 $| $>"Local_Relay_Auth" $&{auth_type}
R$* $| $# $*		$# $2
R$* $| NO		$: $1
R$* $| $*		$: $1 $| $&{auth_type}
R$* $|			$: $1
R$* $| $={TrustAuthMech}	$# RELAY
R$* $| $*		$: $1
ifelse(defn(`_NO_UUCP_'), `r', `dnl
R$* ! $* < @ $* >	$: <REMOTE> $2 < @ BANG_PATH >
R$* ! $*		$: <REMOTE> $2 < @ BANG_PATH >', `dnl')
ifelse(defn(`_NO_PERCENTHACK_'), `r', `dnl
R$* % $* < @ $* >	$: <REMOTE> $1 < @ PERCENT_HACK >
R$* % $*		$: <REMOTE> $1 < @ PERCENT_HACK >', `dnl')
# mail for us is fine
ifdef(`_RELAY_ENTIRE_DOMAIN_', `dnl
R$+ < @ $* $=m >	$@ RELAY', `dnl')
R$+ < @ $=w >		$@ RELAY
ifdef(`_RELAY_HOSTS_ONLY_',
`R$+ < @ $=R >		$@ RELAY
ifdef(`_ACCESS_TABLE_', `ifdef(`_RELAY_FULL_ADDR_', `dnl
R$+ < @ $+ >		$: <$(access To:$1@$2 $: ? $)> <$1 < @ $2 >>
R<?> <$+ < @ $+ >>	$: <$(access To:$2 $: ? $)> <$1 < @ $2 >>', `dnl
R$+ < @ $+ >		$: <$(access To:$2 $: ? $)> <$1 < @ $2 >>')
R<?> <$+ < @ $+ >>	$: <$(access $2 $: ? $)> <$1 < @ $2 >>', `dnl')',
`R$+ < @ $* $=R >	$@ RELAY
ifdef(`_ACCESS_TABLE_', `ifdef(`_RELAY_FULL_ADDR_', `dnl
R$+ < @ $+ >		$: $1 < @ $2 > $| $>SearchList <+ To> $| <F:$1@$2> <D:$2> <F:$1@> <>
R$+ < @ $+ > $| <$*>	$: <$3> <$1 <@ $2>>
R$+ < @ $+ > $| $*	$: <$3> <$1 <@ $2>>', `dnl
R$+ < @ $+ >		$: $>D <$2> <?> <+ To> <$1 < @ $2 >>')', `dnl')')
ifdef(`_ACCESS_TABLE_', `dnl
R<RELAY> $*		$@ RELAY
ifdef(`_ATMPF_', `R<$* _ATMPF_> $*		$#TEMP $@ 4.3.0 $: _TMPFMSG_(`ROK2')', `dnl')
R<$*> <$*>		$: $2', `dnl')
ifdef(`_RELAY_MX_SERVED_', `dnl
# feature relay_based_on_MX: we are an MX host of the domain
R$+ < @ $+ >		$: < : $(mxserved $2 $) : > $1 < @ $2 >
R< : $* <TEMP> : > $*	$#TEMP $@ 4.4.0 $: "450 Can not check MX records for recipient host " $1
R<$* : $=w . : $*> $*	$@ RELAY
R< : $* : > $*		$: $2', `dnl')
# an unqualified recipient is a local one
R$*			$: <?> $1
R<?> $* < @ $+ >	$: <REMOTE> $1 < @ $2 >
ifdef(`_REQUIRE_QUAL_RCPT_', `dnl
R<?> postmaster		$@ OK
R<?> $+			$: $&{daemon_flags} $| <?> $1
R$* r $* $| <?> $+	$: < ? $&{client_name} > <?> $3
R$* $| <?> $+		$@ RELAY
R<?> <?> $+		$@ RELAY
R<? $=w> <?> $+		$@ RELAY
R<? $+> $+		$#error $@ 5.5.4 $: "553 Domain name required"', `dnl
R<?> $+			$@ RELAY')
R<$+> $*		$: $2

############################################
###  Relay_ok: may this client relay?
############################################
SRelay_ok
# local submissions and clients in {R}
R$*			$: $&{client_addr}
R$@			$@ RELAY		no client address
R0			$@ RELAY		sendmail -bs
R127.0.0.1		$@ RELAY		loopback
RIPv6:0:0:0:0:0:0:0:1	$@ RELAY		loopback
RIPv6:::1		$@ RELAY		loopback
R$=R $*			$@ RELAY		address in class R
ifdef(`_DRAC_', `dnl
R$*			$: <> $(drac $1 $: <?> $1 $)
R<> <?> $+		$: $1
R<> $+			$@ RELAY
RIPv6:$*		$: <> $(drac $1 $: <?> IPv6:$1 $)
R<> <?> $+		$: $1
R<> $+			$@ RELAY', `dnl')
ifdef(`_ACCESS_TABLE_', `dnl
R$*			$: $>A <$1> <?> <+ Connect> <$1>
R<RELAY> $*		$@ RELAY		Connect: RELAY for the address
ifdef(`_FFR_REJECT_IP_IN_CHECK_RCPT_', `dnl
R<REJECT> $*		$@ REJECT', `dnl')
ifdef(`_ATMPF_', `R<_ATMPF_> $*		$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK1')', `dnl')
R<$*> <$*>		$: $2', `dnl')
R$*			$: [ $1 ]		as a literal ...
R$=w			$@ RELAY		... one of ours
ifdef(`_RELAY_DB_FROM_', `define(`_RELAY_MAIL_FROM_', `1')')dnl
ifdef(`_RELAY_LOCAL_FROM_', `define(`_RELAY_MAIL_FROM_', `1')')dnl
ifdef(`_RELAY_MAIL_FROM_', `dnl
# relaying by sender address (relay_local_from, relay_mail_from)
R$*			$: <?> $>CanonAddr $&f
R<?> $+ < @ $+ . >	<?> $1 < @ $2 >
ifdef(`_RELAY_LOCAL_FROM_', `dnl
R<?> $+ < @ $=w >	$@ RELAY		sender is local', `dnl')
ifdef(`_RELAY_DB_FROM_', `dnl
R<?> $+ < @ $+ >	$: <@> $>SearchList <! From> $| <F:$1@$2> ifdef(`_RELAY_DB_FROM_DOMAIN_', ifdef(`_RELAY_HOSTS_ONLY_', `<E:$2>', `<D:$2>')) <>
R<@> <RELAY>		$@ RELAY		From: RELAY
ifdef(`_ATMPF_', `R<@> <_ATMPF_>		$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK2')', `dnl')', `dnl')', `dnl')
# the client name: must have resolved, then {w}, {R}, Connect: entries
R$*			$: < $&{client_resolve} >
R<TEMP>			$#TEMP $@ 4.4.0 $: "450 Relaying temporarily denied. Cannot resolve PTR record for " $&{client_addr}
R<FORGED>		$#error $@ 5.7.1 $: "550 Relaying denied. IP name possibly forged " $&{client_name}
R<FAIL>			$#error $@ 5.7.1 $: "550 Relaying denied. IP name lookup failed " $&{client_name}
R$*			$: <@> $&{client_name}
R<@> $* $=P		$:<?>  $1 $2
R<@> $+			$:<?>  $[ $1 $]
R$* .			$1			no trailing dot
ifdef(`_RELAY_ENTIRE_DOMAIN_', `dnl
R<?> $* $=m		$@ RELAY', `dnl')
R<?> $=w		$@ RELAY
ifdef(`_RELAY_HOSTS_ONLY_',
`R<?> $=R		$@ RELAY
ifdef(`_ACCESS_TABLE_', `dnl
R<?> $*			$: <$(access Connect:$1 $: ? $)> <$1>
R<?> <$*>		$: <$(access $1 $: ? $)> <$1>', `dnl')',
`R<?> $* $=R			$@ RELAY
ifdef(`_ACCESS_TABLE_', `dnl
R<?> $*			$: $>D <$1> <?> <+ Connect> <$1>', `dnl')')
ifdef(`_ACCESS_TABLE_', `dnl
R<RELAY> $*		$@ RELAY
ifdef(`_ATMPF_', `R<$* _ATMPF_> $*		$#TEMP $@ 4.3.0 $: _TMPFMSG_(`YOK3')', `dnl')
R<$*> <$*>		$: $2', `dnl')
divert(0)dnl
ifdef(`_DELAY_CHECKS_', `dnl

############################################
###  feature delay_checks: check_rcpt calls the other checks
############################################
# FullAddr: user<@domain.> or user -> user<@domain>, user<@$j>
SFullAddr
R$* <@ $+ . >		$1 <@ $2 >
R$* <@ $* >		$@ $1 <@ $2 >
R$+			$@ $1 <@ $j >

# tls_client, when checkrcpt stopped with a $# result
SDelay_TLS_Clt
R$*			$: $1 $| $>"tls_client" $&{verify} $| MAIL
R$* $| $#$+		$#$2
R$* $| $*		$# $1
R$*			$# $1

# tls_client, when a spam friend/hater entry stopped the checks
SDelay_TLS_Clt2
R$*			$: $1 $| $>"tls_client" $&{verify} $| MAIL
R$* $| $#$+		$#$2
R$* $| $*		$@ $1
R$*			$@ $1

Scheck_rcpt
R$+			$: $1 $| $>checkrcpt $1
R$+ $| $#error $*	$#error $2
R$+ $| $#discard $*	$#discard $2
R$+ $| $#$*		$@ $>"Delay_TLS_Clt" $2
R$+ $| $*		$: <?> $>FullAddr $>CanonAddr $1
ifdef(`_SPAM_FH_', `ifdef(`_ACCESS_TABLE_', `',
`_SM_COMPLAIN_(`FEATURE(`delay_checks', `friend|hater') requires FEATURE(`access_db')')')dnl
# Spam: entries for the recipient
R<?> $+ < @ $=w >	$: <> $1 < @ $2 > $| <F: $1@$2 > <D: $2 > <U: $1@>
R<?> $+ < @ $* >	$: <> $1 < @ $2 > $| <F: $1@$2 > <D: $2 >
R<> $* $| <$+>		$: <@> $1 $| $>SearchList <! Spam> $| <$2> <>
R<@> $* $| $*		$: $2 $1', `dnl')
ifdef(`_SPAM_FRIEND_', `ifdef(`_SPAM_HATER_',
`_SM_COMPLAIN_(`FEATURE(`delay_checks'): friend and hater exclude each other')', `dnl')
R<FRIEND> $+		$@ $>"Delay_TLS_Clt2" SPAMFRIEND
R<$*> $+		$: $2', `dnl')
ifdef(`_SPAM_HATER_', `dnl
R<HATER> $+		$: $1
R<$*> $+		$@ $>"Delay_TLS_Clt2" NOSPAMHATER', `dnl')
# now the sender and the client checks
ifdef(`_FFR_MAIL_MACRO',
`R$*			$: $1 $| $>checkmail $&{mail_from}',
`R$*			$: $1 $| $>checkmail <$&f>')
R$* $| $#$*		$#$2
R$* $| $*		$: $1 $| $>checkrelay $&{client_name} $| $&{client_addr}
R$* $| $#$*		$#$2
R$* $| $*		$: $1
', `dnl')
ifdef(`_BLOCK_BAD_HELO_', `dnl
# feature block_bad_helo (part of check_rcpt)
R$*			$: $1 $| <$&{auth_authen}>
R$* $| <$+>		$: $1				authenticated
R$* $| <$*>		$: $1 $| <$&{client_addr}> [$&s]
R$* $| <$=R $*> [$*]	$: $1				class R client
R$* $| <0> [$*]		$: $1				sendmail -bs
R$* $| <$*> $=w		$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| <$*> [$=w]	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| <$*> [$+.$+]	$: $1				qualified
R$* $| <$*> [IPv6:$+]	$: $1				IPv6 literal
R$* $| <$*> [$*]	$#error $@ 5.7.1 $:"550 bogus HELO name used: " $&s
R$* $| $*		$: $1
', `dnl')
