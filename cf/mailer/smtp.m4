PUSHDIVERT(-1)
dnl #
dnl # cf/mailer/smtp.m4 -- MAILER(`smtp'): five SMTP mailers
dnl #	smtp	plain SMTP			flags mDFMuX
dnl #	esmtp	extended SMTP (the default)	+ a
dnl #	smtp8	SMTP, 8-bit data sent as is	+ 8
dnl #	dsmtp	on-demand delivery (ETRN)	+ a%
dnl #	relay	to SMART_HOST, MAIL_HUB, ...	+ a8, header rules of the hub
dnl #
dnl # Knobs: SMTP_MAILER_FLAGS (added to all but relay), RELAY_MAILER_FLAGS,
dnl # {SMTP,ESMTP,SMTP8,DSMTP,RELAY}_MAILER_ARGS, _QGRP; SMTP_MAILER_MAX,
dnl # _MAXMSGS, _MAXRCPTS, _CHARSET, _LL; RELAY_MAILER_CHARSET, _MAXMSGS, _LL.
dnl # MODIFY_MAILER_FLAGS(`SMTP'|`ESMTP'|`SMTP8'|`DSMTP'|`RELAY', ...).
dnl #
_SM_PART_
_DEFIFNOT(`_DEF_SMTP_MAILER_FLAGS', `mDFMuX')
_DEFIFNOT(`SMTP_MAILER_FLAGS', `')
_DEFIFNOT(`SMTP_MAILER_LL', `990')
_DEFIFNOT(`RELAY_MAILER_LL', `2040')
_DEFIFNOT(`RELAY_MAILER_FLAGS', `SMTP_MAILER_FLAGS')
_DEFIFNOT(`SMTP_MAILER_ARGS', `TCP $h')
_DEFIFNOT(`ESMTP_MAILER_ARGS', `TCP $h')
_DEFIFNOT(`SMTP8_MAILER_ARGS', `TCP $h')
_DEFIFNOT(`DSMTP_MAILER_ARGS', `TCP $h')
_DEFIFNOT(`RELAY_MAILER_ARGS', `TCP $h')
define(`_SM_QGRP_', `ifelse(defn(`$1'), `', `', ` Q=$1,')')
dnl # the common middle part of the smtp-family mailer lines
define(`_SM_SMTP_LIMITS_', `_OPTINS(`SMTP_MAILER_MAX', `M=', `, ')_OPTINS(`SMTP_MAILER_MAXMSGS', `m=', `, ')_OPTINS(`SMTP_MAILER_MAXRCPTS', `r=', `, ')_OPTINS(`SMTP_MAILER_CHARSET', `C=', `, ')')
define(`_SM_SMTP_RW_', `S=EnvFromSMTP/HdrFromSMTP, R=ifdef(`_ALL_MASQUERADE_', `EnvToSMTP/HdrFromSMTP', `EnvToSMTP')')
dnl # _SM_SMTP_MAILER_(name, NAME, extra flags)
define(`_SM_SMTP_MAILER_', `M$1,		P=[IPC], F=_MODMF_(_DEF_SMTP_MAILER_FLAGS`'$3`'SMTP_MAILER_FLAGS, `$2'), _SM_SMTP_RW_, E=\r\n, L=SMTP_MAILER_LL,
		_SM_SMTP_LIMITS_`'T=DNS/RFC822/SMTP,_SM_QGRP_(`$2_MAILER_QGRP')
		A=$2_MAILER_ARGS')
POPDIVERT

#####################################
###   SMTP mailers (mailer file smtp.m4)   ###
#####################################

# unqualified names get *LOCAL*
SMasqSMTP
R$* < @ $* > $*		$@ $1 < @ $2 > $3		qualified
R$+			$@ $1 < @ *LOCAL* >		add our name

# pseudo domains (.UUCP, .BITNET) to real addresses
SPseudoToReal
R< @ $+ > $*		$@ < @ $1 > $2			a route: leave it
ifdef(`BITNET_RELAY', `dnl
R$+ <@ $+ .BITNET. >	$: $1 % $2 .BITNET < @ $B >	via the BITNET relay
R$+.BITNET <@ $~[ $*:$+ >	$: $1 .BITNET < @ $4 >	no mailer: part', `dnl')
ifdef(`_NO_UUCP_', `dnl', `dnl
R$+ < @ $+ .UUCP. >	$: < $2 ! > $1			UUCP: host!
R$+ < @ $* > $*		$@ $1 < @ $2 > $3		not UUCP: done
R< $&h ! > $- ! $+	$@ $2 < @ $1 .UUCP. >		to the next hop
R< $&h ! > $-.$+ ! $+	$@ $3 < @ $1.$2 >
R< $&h ! > $+		$@ $1 < @ $&h .UUCP. >
R< $+ ! > $+		$: $1 ! $2 < @ $Y >		via UUCP_RELAY
R$+ < @ $~[ $* : $+ >	$@ $1 < @ $4 >			no mailer: part
R$+ < @ >		$: $1 < @ *LOCAL* >		no UUCP_RELAY')

# envelope sender
SEnvFromSMTP
R$+			$: $>PseudoToReal $1
R$* :; <@>		$@				list:;
R$*			$: $>MasqSMTP $1		qualify
R$+			$: $>MasqEnv $1			masquerade

# envelope recipient (and header recipient without allmasquerade)
SEnvToSMTP
R$+			$: $>PseudoToReal $1
R$+			$: $>MasqSMTP $1		qualify
R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2

# header sender (and header recipient with allmasquerade)
SHdrFromSMTP
R$+			$: $>PseudoToReal $1
R:; <@>			$@				list:;
R$* <@> $*		$@ $1 <@> $2			null host
R< @ $* > $*		$@ < @ $1 > $2			a route
R$*			$: $>MasqSMTP $1		qualify
R$+			$: $>MasqHdr $1			masquerade

# header recipient for the relay mailer with allmasquerade
SMasqRelay
R$+			$: $>MasqSMTP $1
R$+			$: $>MasqHdr $1

_SM_SMTP_MAILER_(`smtp', `SMTP', `')
_SM_SMTP_MAILER_(`esmtp', `ESMTP', `a')
_SM_SMTP_MAILER_(`smtp8', `SMTP8', `8')
_SM_SMTP_MAILER_(`dsmtp', `DSMTP', `a%')
Mrelay,		P=[IPC], F=_MODMF_(_DEF_SMTP_MAILER_FLAGS`'a8`'RELAY_MAILER_FLAGS, `RELAY'), S=EnvFromSMTP/HdrFromSMTP, R=ifdef(`_ALL_MASQUERADE_', `MasqSMTP/MasqRelay', `MasqSMTP'), E=\r\n, L=RELAY_MAILER_LL,
		_OPTINS(`RELAY_MAILER_CHARSET', `C=', `, ')_OPTINS(`RELAY_MAILER_MAXMSGS', `m=', `, ')_OPTINS(`SMTP_MAILER_MAXRCPTS', `r=', `, ')T=DNS/RFC822/SMTP,_SM_QGRP_(`RELAY_MAILER_QGRP')
		A=RELAY_MAILER_ARGS
