PUSHDIVERT(-1)
dnl #
dnl # cf/mailer/usenet.m4 -- MAILER(`usenet'): mail to group.name.USENET (and
dnl # local users named group.USENET) is posted with inews.
dnl # Knobs: USENET_MAILER_PATH (/usr/lib/news/inews), _FLAGS (rsDFMmn),
dnl # _ARGS (inews -m -h -n), _MAX, _QGRP.
dnl #
_SM_PART_
_DEFIFNOT(`USENET_MAILER_PATH', `/usr/lib/news/inews')
_DEFIFNOT(`USENET_MAILER_FLAGS', `rsDFMmn')
_DEFIFNOT(`USENET_MAILER_ARGS', `inews -m -h -n')
define(`_SM_QGRP_', `ifelse(defn(`$1'), `', `', ` Q=$1,')')
POPDIVERT

##################################
###   usenet mailer             ###
##################################
Musenet,	P=USENET_MAILER_PATH, F=_MODMF_(USENET_MAILER_FLAGS, `USENET'), S=EnvFromL, R=EnvToL,
		_OPTINS(`USENET_MAILER_MAX', `M=', `, ')T=X-Usenet/X-Usenet/X-Unix,_SM_QGRP_(`USENET_MAILER_QGRP')
		A=USENET_MAILER_ARGS $u
