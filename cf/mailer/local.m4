PUSHDIVERT(-1)
dnl #
dnl # cf/mailer/local.m4 -- MAILER(`local'): the local mailer (delivery to
dnl # mailboxes) and the prog mailer (delivery to programs).  Always included.
dnl #
dnl # Knobs (cf/README, OSTYPE): LOCAL_MAILER_PATH, _FLAGS, _ARGS, _MAX,
dnl # _MAXMSGS, _MAXRCPTS, _CHARSET, _EOL, _QGRP, _DSN_DIAGNOSTIC_CODE;
dnl # LOCAL_SHELL_PATH, _FLAGS, _ARGS, _DIR; LOCAL_PROG_QGRP.
dnl # The flags lsDFMAw5:/|@q (local) and lsDFMoq (prog) are always there.
dnl #
_SM_PART_
_DEFIFNOT(`_DEF_LOCAL_MAILER_FLAGS', `lsDFMAw5:/|@q')
_DEFIFNOT(`LOCAL_MAILER_FLAGS', `Prmn9')
_DEFIFNOT(`LOCAL_MAILER_PATH', `/bin/mail')
_DEFIFNOT(`LOCAL_MAILER_ARGS', `mail -d $u')
_DEFIFNOT(`LOCAL_MAILER_DSN_DIAGNOSTIC_CODE', `X-Unix')
_DEFIFNOT(`_DEF_LOCAL_SHELL_FLAGS', `lsDFMoq')
_DEFIFNOT(`LOCAL_SHELL_FLAGS', `eu9')
_DEFIFNOT(`LOCAL_SHELL_PATH', `/bin/sh')
_DEFIFNOT(`LOCAL_SHELL_ARGS', `sh -c $u')
_DEFIFNOT(`LOCAL_SHELL_DIR', `$z:/')
dnl # an LMTP local mailer (FEATURE(`local_lmtp')) gets the SMTP sender rules
define(`_SM_LOCAL_RW_', `ifdef(`_LOCAL_LMTP_', `S=EnvFromSMTP/HdrFromL', `S=EnvFromL/HdrFromL'), R=EnvToL/HdrToL')
define(`_SM_QGRP_', `ifelse(defn(`$1'), `', `', ` Q=$1,')')
POPDIVERT

##################################################
###   local and prog mailers (mailer file local.m4)   ###
##################################################

# envelope sender
SEnvFromL
R<@>			$n			errors come from $n
R@ <@ $*>		$n			the same, Sun style
R$+			$: $>AddDomain $1	qualify if wanted
ifdef(`_LOCAL_NO_MASQUERADE_', `dnl', `dnl
R$*			$: $>MasqEnv $1		masquerade')

# envelope recipient
SEnvToL
R$+ < @ $* >		$: $1			only the user
ifdef(`confUSERDB_SPEC', `dnl', `dnl
R$+ + $*		$: < $&{addr_type} > $1 + $2	sender or recipient?
R<e s> $+ + $*		$: $1			a sender loses its +detail
R< $* > $+		$: $2')

# header sender
SHdrFromL
R<@>			$n			errors come from $n
R@ <@ $*>		$n			the same, Sun style
R$+			$: $>AddDomain $1	qualify if wanted
ifdef(`_LOCAL_NO_MASQUERADE_', `dnl', `dnl
R$*			$: $>MasqHdr $1		masquerade')

# header recipient
SHdrToL
R$+			$: $>AddDomain $1	qualify if wanted
ifdef(`_ALL_MASQUERADE_', `ifdef(`_LOCAL_NO_MASQUERADE_', `dnl', `dnl
R$*			$: $>MasqHdr $1		all-masquerade')',
`R$* < @ *LOCAL* > $*	$: $1 < @ $j . > $2')

# feature always_add_domain: unqualified names get *LOCAL* (or the
# domain given to the feature)
SAddDomain
ifdef(`_ALWAYS_ADD_DOMAIN_', `dnl
R$* < @ $* > $*		$@ $1 < @ $2 > $3	already qualified
ifelse(defn(`_ALWAYS_ADD_DOMAIN_'), `',
`R$+			$@ $1 < @ *LOCAL* >	add our name',
`R$+			$@ $1 < @ _ALWAYS_ADD_DOMAIN_ >	add the given domain')', `dnl')

Mlocal,		P=LOCAL_MAILER_PATH, F=_MODMF_(_DEF_LOCAL_MAILER_FLAGS`'LOCAL_MAILER_FLAGS, `LOCAL'), _SM_LOCAL_RW_,_OPTINS(`LOCAL_MAILER_EOL', ` E=', `, ')
		_OPTINS(`LOCAL_MAILER_MAX', `M=', `, ')_OPTINS(`LOCAL_MAILER_MAXMSGS', `m=', `, ')_OPTINS(`LOCAL_MAILER_MAXRCPTS', `r=', `, ')_OPTINS(`LOCAL_MAILER_CHARSET', `C=', `, ')T=DNS/RFC822/LOCAL_MAILER_DSN_DIAGNOSTIC_CODE,_SM_QGRP_(`LOCAL_MAILER_QGRP')
		A=LOCAL_MAILER_ARGS
Mprog,		P=LOCAL_SHELL_PATH, F=_MODMF_(_DEF_LOCAL_SHELL_FLAGS`'LOCAL_SHELL_FLAGS, `SHELL'), S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, D=LOCAL_SHELL_DIR,
		_OPTINS(`LOCAL_MAILER_MAX', `M=', `, ')T=X-Unix/X-Unix/X-Unix,_SM_QGRP_(`LOCAL_PROG_QGRP')
		A=LOCAL_SHELL_ARGS
