divert(-1)
dnl #
dnl # cf/m4/rs_tls.m4 -- SMTP AUTH and STARTTLS rulesets the binary calls:
dnl # trust_auth, Local_Relay_Auth, srv_features, clt_features, try_tls,
dnl # tls_rcpt, tls_client, tls_server (with TLS_connection, TLS_req, max),
dnl # RelayTLS and authinfo; and the connection limits RateControl and
dnl # ConnControl of FEATURE(`ratecontrol') and FEATURE(`conncontrol').
dnl #
dnl # Access map tags: TLS_Srv, TLS_Clt, TLS_Rcpt, Try_TLS, Srv_Features,
dnl # Clt_Features, CERTISSUER, CERTSUBJECT, AuthInfo, ClientRate, ClientConn.
dnl #
ifdef(`TLS_PERM_ERR',
	`define(`_SM_TLS_DSN_', `5.7.0')define(`_SM_TLS_CODE_', `554')',
	`define(`_SM_TLS_DSN_', `4.7.0')define(`_SM_TLS_CODE_', `454')')
dnl # _SM_TLS_FAIL_(verify value, text): a ${verify} value that always fails
define(`_SM_TLS_FAIL_', `R$1	$`'#error $`'@ _SM_TLS_DSN_ $: "_SM_TLS_CODE_ $2"')
dnl # ... and the same when an access map requirement was given
define(`_SM_TLS_FAIL2_', `R$1 $`'| <$`'-:$`'+> $`'*	$`'#error $`'@ $`'2 $: $`'1 " $2"
R$1 $`'| $`'*		$`'#error $`'@ _SM_TLS_DSN_ $: "_SM_TLS_CODE_ $2"')
divert(0)dnl
############################################
###  trust_auth: may the AUTH= parameter of MAIL be believed?
###	input: the AUTH= value
############################################
SLocal_trust_auth
Strust_auth
R$*			$: $&{auth_type} $| $1
R$@ $| $*		$#error $@ 5.7.1 $: "550 not authenticated"
R$* $| $&{auth_authen}		$@ identical
R$* $| <$&{auth_authen}>	$@ identical
R$* $| $*		$: $1 $| $>"Local_trust_auth" $2
R$* $| $#$*		$#$2
R$*			$#error $@ 5.7.1 $: "550 " $&{auth_authen} " not allowed to act as " $&{auth_author}

############################################
###  Local_Relay_Auth: site rules for relaying by ${auth_type}
###	(returning NO skips the {TrustAuthMech} test)
############################################
SLocal_Relay_Auth

############################################
###  srv_features: what to offer a client (Srv_Features: entries)
############################################
Ssrv_features
ifdef(`_LOCAL_SRV_FEATURES_', `dnl
R$*			$: $1 $| $>"Local_srv_features" $1
R$* $| $#$*		$#$2
R$* $| $*		$: $1', `dnl')
ifdef(`_ACCESS_TABLE_', `dnl
R$*		$: $>D <$&{client_name}> <?> <! "Srv_Features"> <>
R<?>$*		$: $>A <$&{client_addr}> <?> <! "Srv_Features"> <>
R<?>$*		$: <$(access "Srv_Features": $: ? $)>
R<?>$*		$@ OK
ifdef(`_ATMPF_', `R<$* _ATMPF_>$*	$#temp', `dnl')
R<$+>$*		$# $1', `dnl')

############################################
###  clt_features: what to use with a server (Clt_Features: entries)
############################################
Sclt_features
ifdef(`_LOCAL_CLT_FEATURES_', `dnl
R$*			$: $1 $| $>"Local_clt_features" $1
R$* $| $#$*		$#$2
R$* $| $*		$: $1', `dnl')
ifdef(`_ACCESS_TABLE_', `dnl
R$*		$: $>D <$&{client_name}> <?> <! "Clt_Features"> <>
R<?>$*		$: $>A <$&{client_addr}> <?> <! "Clt_Features"> <>
R<?>$*		$: <$(access "Clt_Features": $: ? $)>
R<?>$*		$@ OK
ifdef(`_ATMPF_', `R<$* _ATMPF_>$*	$#temp', `dnl')
R<$+>$*		$# $1', `dnl')

############################################
###  try_tls: use STARTTLS with this server? (Try_TLS: entries)
############################################
Stry_tls
ifdef(`_LOCAL_TRY_TLS_', `dnl
R$*			$: $1 $| $>"Local_try_tls" $1
R$* $| $#$*		$#$2
R$* $| $*		$: $1', `dnl')
ifdef(`_ACCESS_TABLE_', `dnl
R$*		$: $>D <$&{server_name}> <?> <! "Try_TLS"> <>
R<?>$*		$: $>A <$&{server_addr}> <?> <! "Try_TLS"> <>
R<?>$*		$: <$(access "Try_TLS": $: ? $)>
R<?>$*		$@ OK
ifdef(`_ATMPF_', `R<$* _ATMPF_>$*	$#error $@ 4.3.0 $: _TMPFMSG_(`TT')', `dnl')
R<NO>$*		$#error $@ 5.7.1 $: "550 do not try TLS with " $&{server_name} " ["$&{server_addr}"]"', `dnl')

############################################
###  tls_rcpt: is the connection good enough for this recipient?
###	(TLS_Rcpt: entries for user@domain, user@, domain and the tag)
############################################
Stls_rcpt
ifdef(`_LOCAL_TLS_RCPT_', `dnl
R$*			$: $1 $| $>"Local_tls_rcpt" $1
R$* $| $#$*		$#$2
R$* $| $*		$: $1', `dnl')
ifdef(`_ACCESS_TABLE_', `dnl
R$*			$: $(macro {TLS_Name} $@ $&{server_name} $) $1
R$+			$: <?> $>CanonAddr $1
R<?> $+ < @ $+ . >	<?> $1 <@ $2 >
R<?> $+ < @ $+ >	$: $1 <@ $2 > $| <F:$1@$2> <U:$1@> <D:$2> <E:>
R<?> $+			$: $1 $| <U:$1@> <E:>
R$* $| $+	$: $1 $| $>SearchList <! "TLS_Rcpt"> $| $2 <>
R$* $| <?>	$@ OK
ifdef(`_ATMPF_', `R$* $| <$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TR')', `dnl')
R$* $| <$+>	$@ $>"TLS_connection" $&{verify} $| <$2>', `dnl')

############################################
###  tls_client: is the client connection good enough?
###	input: ${verify} $| MAIL or STARTTLS
############################################
Stls_client
ifdef(`_LOCAL_TLS_CLIENT_', `dnl
R$*			$: $1 <?> $>"Local_tls_client" $1
R$* <?> $#$*		$#$2
R$* <?> $*		$: $1', `dnl')
ifdef(`_ACCESS_TABLE_', `dnl
R$*		$: $(macro {TLS_Name} $@ $&{client_name} $) $1
R$* $| $*	$: $1 $| $>D <$&{client_name}> <?> <! "TLS_Clt"> <>
R$* $| <?>$*	$: $1 $| $>A <$&{client_addr}> <?> <! "TLS_Clt"> <>
R$* $| <?>$*	$: $1 $| <$(access "TLS_Clt": $: ? $)>
ifdef(`_ATMPF_', `R$* $| <$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TC')', `dnl')
R$*		$@ $>"TLS_connection" $1', `dnl
R$* $| $*	$@ $>"TLS_connection" $1')

############################################
###  tls_server: is the server connection good enough?
###	input: ${verify}
############################################
Stls_server
ifdef(`_LOCAL_TLS_SERVER_', `dnl
R$*			$: $1 $| $>"Local_tls_server" $1
R$* $| $#$*		$#$2
R$* $| $*		$: $1', `dnl')
ifdef(`_ACCESS_TABLE_', `dnl
R$*		$: $(macro {TLS_Name} $@ $&{server_name} $) $1
R$*		$: $1 $| $>D <$&{server_name}> <?> <! "TLS_Srv"> <>
R$* $| <?>$*	$: $1 $| $>A <$&{server_addr}> <?> <! "TLS_Srv"> <>
R$* $| <?>$*	$: $1 $| <$(access "TLS_Srv": $: ? $)>
ifdef(`_ATMPF_', `R$* $| <$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`TS')', `dnl')
R$*		$@ $>"TLS_connection" $1', `dnl
R$*		$@ $>"TLS_connection" $1')

############################################
###  TLS_connection: ${verify} [$| <requirement from the access map>]
###	requirement: [PERM+|TEMP+](VERIFY[:bits]|ENCR:bits)[+ext++ext...]
###	ext: CN[:name], CS:subject, CI:issuer, CITag:tag
############################################
STLS_connection
ifdef(`_ACCESS_TABLE_', `dnl
R$* $| <$*>$*			$: $1 $| <$2>
# the error code: PERM+/TEMP+ or the default
R$* $| <PERM + $={Tls} $*>	$: $1 $| <503:5.7.0> <$2 $3>
R$* $| <TEMP + $={Tls} $*>	$: $1 $| <403:4.7.0> <$2 $3>
R$* $| <$={Tls} $*>		$: $1 $| <_SM_TLS_CODE_:_SM_TLS_DSN_> <$2 $3>
# these ${verify} values fail whatever the map says
_SM_TLS_FAIL2_(`SOFTWARE', `TLS handshake failed.')
_SM_TLS_FAIL2_(`PROTOCOL', `STARTTLS failed.')
_SM_TLS_FAIL2_(`DANE_FAIL', `DANE check failed.')
_SM_TLS_FAIL2_(`CONFIG', `STARTTLS temporarily not possible.')
# split requirement and extensions; no requirement: fine
R$* $| <$*> <VERIFY>		$: <$2> <VERIFY> <> $1
R$* $| <$*> <VERIFY + $+>	$: <$2> <VERIFY> <$3> $1
R$* $| <$*> <$={Tls}:$->$*	$: <$2> <$3:$4> <> $1
R$* $| <$*> <$={Tls}:$- + $+>$*	$: <$2> <$3:$4> <$5> $1
R$* $| $*			$@ OK
# workspace: <code:dsn> <requirement> <extensions> ${verify}
R<$*><VERIFY> <> $={TlsVerified}	$@ OK
R<$*><VERIFY> <$+> $={TlsVerified}	$: <$1> <REQ:0> <$2>
R<$*><VERIFY:$-> <$*> $={TlsVerified}	$: <$1> <REQ:$2> <$3>
R<$*><ENCR:$-> <$*> $*		$: <$1> <REQ:$2> <$3>
R<$-:$+><VERIFY $*> <$*>	$#error $@ $2 $: $1 " authentication required"
R<$-:$+><VERIFY $*> <$*> FAIL	$#error $@ $2 $: $1 " authentication failed"
R<$-:$+><VERIFY $*> <$*> NO	$#error $@ $2 $: $1 " not authenticated"
R<$-:$+><VERIFY $*> <$*> NOT	$#error $@ $2 $: $1 " no authentication requested"
R<$-:$+><VERIFY $*> <$*> NONE	$#error $@ $2 $: $1 " other side does not support STARTTLS"
R<$-:$+><VERIFY $*> <$*> CLEAR	$#error $@ $2 $: $1 " STARTTLS disabled locally"
R<$-:$+><VERIFY $*> <$*> $+	$#error $@ $2 $: $1 " authentication failure " $4
# enough bits? (the larger of ${cipher_bits} and ${auth_ssf})
R<$*><REQ:$-> <$*>		$: <$1> <REQ:$2> <$3> $>max $&{cipher_bits} : $&{auth_ssf}
R<$*><REQ:$-> <$*> $-		$: <$1> <$2:$4> <$3> $(arith l $@ $4 $@ $2 $)
R<$-:$+><$-:$-> <$*> TRUE	$#error $@ $2 $: $1 " encryption too weak " $4 " less than " $3
R<$-:$+><$-:$-> <$*> $*		$: <$1:$2 ++ $5>
R<$-:$+ ++ >			$@ OK
R<$-:$+ ++ $+ >			$: <$1:$2> <$3>
R<$-:$+> < $+ ++ $+ >		<$1:$2> <$3> <$4>
R<$-:$+> $+			$@ $>"TLS_req" $3 $| <$1:$2>', `dnl
# no access map: only broken handshakes fail
_SM_TLS_FAIL_(`SOFTWARE', `TLS handshake failed.')
_SM_TLS_FAIL_(`DANE_FAIL', `DANE check failed.')
_SM_TLS_FAIL_(`PROTOCOL', `STARTTLS failed.')
_SM_TLS_FAIL_(`CONFIG', `STARTTLS temporarily not possible.')')
ifdef(`_ACCESS_TABLE_', `dnl

############################################
###  TLS_req: the extensions of a requirement; all must hold
###	input: <ext> <ext> ... $| <code:dsn>
############################################
STLS_req
R $| $+		$@ OK
R<CN> $* $| <$+>		$: <CN:$&{TLS_Name}> $1 $| <$2>
R<CN:$&{cn_subject}> $* $| <$+>		$@ $>"TLS_req" $1 $| <$2>
R<CN:$+> $* $| <$-:$+>	$#error $@ $4 $: $3 " CN " $&{cn_subject} " does not match " $1
R<CS:$&{cert_subject}> $* $| <$+>	$@ $>"TLS_req" $1 $| <$2>
R<CS:$+> $* $| <$-:$+>	$#error $@ $4 $: $3 " Cert Subject " $&{cert_subject} " does not match " $1
R<CI:$&{cert_issuer}> $* $| <$+>	$@ $>"TLS_req" $1 $| <$2>
R<CI:$+> $* $| <$-:$+>	$#error $@ $4 $: $3 " Cert Issuer " $&{cert_issuer} " does not match " $1
R<CITag:$-> $* $| <$+>	$: <$(access $1:$&{cert_issuer} $: ? $)> $2 $| <$3>
R<?> $* $| <$-:$+>	$#error $@ $3 $: $2 " Cert Issuer " $&{cert_issuer} " not acceptable"
R<OK> $* $| <$+>	$@ $>"TLS_req" $1 $| <$2>
ROK			$@ OK

############################################
###  max: the larger of two numbers a:b (either may be missing)
############################################
Smax
R:		$: 0
R:$-		$: $1
R$-:		$: $1
R$-:$-		$: $(arith l $@ $1 $@ $2 $) : $1 : $2
RTRUE:$-:$-	$: $2
R$-:$-:$-	$: $2', `dnl')

############################################
###  RelayTLS: relay for clients whose verified certificate is listed
###	(CERTISSUER: RELAY, or SUBJECT and CERTSUBJECT: RELAY)
############################################
SRelayTLS
ifdef(`_ACCESS_TABLE_', `dnl
R$*			$: <?> $&{verify}
R<?> $={TlsVerified}	$: OK		verified
R<?> $*			$@ NO		not verified
ifdef(`_CERT_REGEX_ISSUER_',
`R$*			$: $(CERTIssuer $&{cert_issuer} $)',
`R$*			$: $&{cert_issuer}')
R$+			$: $(access CERTISSUER:$1 $)
RRELAY			$# RELAY
ifdef(`_CERT_REGEX_SUBJECT_',
`RSUBJECT		$: <@> $(CERTSubject $&{cert_subject} $)',
`RSUBJECT		$: <@> $&{cert_subject}')
R<@> $+			$: <@> $(access CERTSUBJECT:$1 $)
R<@> RELAY		$# RELAY
R$*			$: NO', `dnl')

############################################
###  authinfo: credentials for SMTP AUTH as a client
############################################
Sauthinfo
ifdef(`_AUTHINFO_TABLE_', `dnl
R$*		$: <$(authinfo AuthInfo:$&{server_name} $: ? $)>
R<?>		$: <$(authinfo AuthInfo:$&{server_addr} $: ? $)>
R<?>		$: <$(authinfo AuthInfo: $: ? $)>
R<?>		$@ no				nothing for this server
R<$*>		$# $1', `ifdef(`_ACCESS_TABLE_', `dnl
R$*		$: $1 $| $>D <$&{server_name}> <?> <! AuthInfo> <>
R$* $| <?>$*	$: $1 $| $>A <$&{server_addr}> <?> <! AuthInfo> <>
R$* $| <?>$*	$: $1 $| <$(access AuthInfo: $: ? $)> <>
R$* $| <?>$*	$@ no				nothing for this server
R$* $| <$*> <>	$# $2', `dnl')')
ifdef(`_RATE_CONTROL_', `ifdef(`_ACCESS_TABLE_', `dnl

############################################
###  RateControl: ClientRate: entries against ${client_rate}
############################################
SRateControl
R$*		$: <A:$&{client_addr}> <E:>
R$+		$: $>SearchList <! ClientRate> $| $1 <>
R<?>		$@ OK
ifdef(`_ATMPF_', `R<$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`RC')', `dnl')
R<0>		$@ OK		no limit
R<$+>		$: <$1> $| $(arith l $@ $1 $@ $&{client_rate} $)
R<$+> $| TRUE	$#error $@ 4.3.2 $: _RATE_CONTROL_REPLY Connection rate limit exceeded.', `dnl')', `dnl')
ifdef(`_CONN_CONTROL_', `ifdef(`_ACCESS_TABLE_', `dnl

############################################
###  ConnControl: ClientConn: entries against ${client_connections}
############################################
SConnControl
R$*		$: <A:$&{client_addr}> <E:>
R$+		$: $>SearchList <! ClientConn> $| $1 <>
R<?>		$@ OK
ifdef(`_ATMPF_', `R<$* _ATMPF_>	$#error $@ 4.3.0 $: _TMPFMSG_(`CC')', `dnl')
R<0>		$@ OK		no limit
R<$+>		$: <$1> $| $(arith l $@ $1 $@ $&{client_connections} $)
R<$+> $| TRUE	$#error $@ 4.3.2 $: _CONN_CONTROL_REPLY Too many open connections.', `dnl')', `dnl')
