PUSHDIVERT(-1)
dnl #
dnl # cf/mailer/uucp.m4 -- MAILER(`uucp'): UUCP mailers.
dnl #	uucp-old (also uucp)	one recipient per uux, bang-path addresses
dnl #	uucp-new (also suucp)	several recipients per uux
dnl #	uucp-dom		domain addresses (needs MAILER(`smtp') first)
dnl #	uucp-uudom		domain headers, bang-path envelope sender
dnl # Hosts in class U go to uucp-old, Y to uucp-new, Z to uucp-uudom.
dnl # Knobs: UUCP_MAILER_PATH (/usr/bin/uux), _ARGS, _FLAGS (added to
dnl # DFMhuUd), _MAX (UUCP_MAX_SIZE, else 100000), _CHARSET, _QGRP.
dnl #
_SM_PART_
_DEFIFNOT(`UUCP_MAILER_PATH', `/usr/bin/uux')
_DEFIFNOT(`UUCP_MAILER_ARGS', `uux - -r -a$g -gC $h!rmail ($u)')
_DEFIFNOT(`UUCP_MAILER_FLAGS', `')
ifdef(`UUCP_MAILER_MAX', `',
	`define(`UUCP_MAILER_MAX', ifdef(`UUCP_MAX_SIZE', `defn(`UUCP_MAX_SIZE')', `100000'))')
define(`_SM_QGRP_', `ifelse(defn(`$1'), `', `', ` Q=$1,')')
ifdef(`_MAILER_smtp_', `',
	`_SM_WARN_(`MAILER(`smtp') must come before MAILER(`uucp') for the uucp-dom and uucp-uudom mailers')')
dnl # _SM_UUCP_MAILER_(name, flags, S=, R=)
define(`_SM_UUCP_MAILER_', `M$1,	P=UUCP_MAILER_PATH, F=_MODMF_(`$2'UUCP_MAILER_FLAGS, `UUCP'), S=$3, R=$4,
		M=UUCP_MAILER_MAX, _OPTINS(`UUCP_MAILER_CHARSET', `C=', `, ')T=X-UUCP/X-UUCP/X-Unix,_SM_QGRP_(`UUCP_MAILER_QGRP')
		A=UUCP_MAILER_ARGS')
POPDIVERT

##################################
###   UUCP mailers              ###
##################################

# host!user form for UUCP: no trailing dots, no local host part,
# <@host>:route and user<@host> become host!...
SUUCPBang
R$* < @ $* . > $*		$1 < @ $2 > $3		no trailing dots
R$* < @ $=w >			$1			ourselves: nothing
R<@ $- . UUCP > : $+		$1 ! $2			route via a UUCP host
R<@ $+ > : $+			$1 ! $2			route
R$* < @ $- . UUCP >		$2 ! $1			user@host.UUCP
R$* < @ $+ >			$2 ! $1			user@host

# ... and with our UUCP name ($U, else $k) in front, unless it already
# starts with the host we send to ($h)
SUUCPFromUs
R$&h ! $+ ! $+			$@ $1 ! $2		$h!...!user: drop $h
R$&h ! $+			$@ $&h ! $1		$h!user: keep
R$+				$: $U ! $1		our name first
R! $+				$: $k ! $1		no $U: the host name

# envelope sender
SFromU
R<@>				$n			errors come from $n
R:; <@>				$@
R$*				$: $>UUCPBang $1
R$*				$@ $>UUCPFromUs $1

# envelope recipient
SEnvToU
R:; <@>				$@
R$*				$@ $>UUCPBang $1

# header recipient
SHdrToU
R:; <@>				$@
R$*				$: $>UUCPBang $1
R$*				$@ $>UUCPFromUs $1

ifdef(`_MAILER_smtp_', `dnl
# envelope sender of uucp-dom: as for SMTP
SEnvFromUD
R<@>				$n
R$*				$@ $>EnvFromSMTP $1

# envelope sender of uucp-uudom: as for SMTP, then host!user
SEnvFromUUD
R<@>				$n
R$*				$: $>EnvFromSMTP $1
R$* < @ $* . > $*		$1 < @ $2 > $3
R<@ $- . UUCP > : $+		$@ $1 ! $2
R<@ $+ > : $+			$@ $1 ! $2
R$* < @ $- . UUCP >		$@ $2 ! $1
R$* < @ $+ >			$@ $2 ! $1
', `dnl')
PUSHDIVERT(4)
# UUCP neighbours by class: Z uucp-uudom, Y uucp-new, U uucp-old
R$* < @ $=Z . UUCP. > $*	$#uucp-uudom $@ $2 $: $1 < @ $2 .UUCP. > $3
R$* < @ $=Y . UUCP. > $*	$#uucp-new $@ $2 $: $1 < @ $2 .UUCP. > $3
R$* < @ $=U . UUCP. > $*	$#uucp-old $@ $2 $: $1 < @ $2 .UUCP. > $3
POPDIVERT
_SM_UUCP_MAILER_(`uucp', `DFMhuUd', `FromU', `EnvToU/HdrToU')
_SM_UUCP_MAILER_(`uucp-old', `DFMhuUd', `FromU', `EnvToU/HdrToU')
_SM_UUCP_MAILER_(`suucp', `mDFMhuUd', `FromU', `EnvToU/HdrToU')
_SM_UUCP_MAILER_(`uucp-new', `mDFMhuUd', `FromU', `EnvToU/HdrToU')
ifdef(`_MAILER_smtp_', `dnl
_SM_UUCP_MAILER_(`uucp-dom', `mDFMhud', `EnvFromUD/HdrFromSMTP', ifdef(`_ALL_MASQUERADE_', `EnvToSMTP/HdrFromSMTP', `EnvToSMTP'))
_SM_UUCP_MAILER_(`uucp-uudom', `mDFMhud', `EnvFromUUD/HdrFromSMTP', ifdef(`_ALL_MASQUERADE_', `EnvToSMTP/HdrFromSMTP', `EnvToSMTP'))', `dnl')
