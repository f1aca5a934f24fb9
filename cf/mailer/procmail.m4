PUSHDIVERT(-1)
dnl #
dnl # cf/mailer/procmail.m4 -- MAILER(`procmail'): a procmail mailer for
dnl # mailertable entries such as "example.com  procmail:/etc/procmailrcs/x".
dnl # Needs MAILER(`smtp') first (it uses the SMTP address rules).
dnl # Knobs: PROCMAIL_MAILER_PATH (PROCMAIL_PATH, /usr/local/bin/procmail),
dnl # _FLAGS (SPhnu9; DFM are always set), _ARGS, _MAX, _QGRP.
dnl #
_SM_PART_
ifdef(`_MAILER_smtp_', `', `_SM_WARN_(`MAILER(`procmail') needs MAILER(`smtp') before it')')
ifdef(`PROCMAIL_MAILER_PATH', `', `define(`PROCMAIL_MAILER_PATH',
	ifdef(`PROCMAIL_PATH', `defn(`PROCMAIL_PATH')', `/usr/local/bin/procmail'))')
_DEFIFNOT(`PROCMAIL_MAILER_FLAGS', `SPhnu9')
_DEFIFNOT(`PROCMAIL_MAILER_ARGS', `procmail -Y -m $h $f $u')
define(`_SM_QGRP_', `ifelse(defn(`$1'), `', `', ` Q=$1,')')
POPDIVERT

##################################
###   procmail mailer           ###
##################################
Mprocmail,	P=PROCMAIL_MAILER_PATH, F=_MODMF_(`DFM'PROCMAIL_MAILER_FLAGS, `PROCMAIL'), S=EnvFromSMTP/HdrFromSMTP, R=EnvToSMTP/HdrFromSMTP,
		_OPTINS(`PROCMAIL_MAILER_MAX', `M=', `, ')T=DNS/RFC822/X-Unix,_SM_QGRP_(`PROCMAIL_MAILER_QGRP')
		A=PROCMAIL_MAILER_ARGS
