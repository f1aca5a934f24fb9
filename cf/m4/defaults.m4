divert(-1)
dnl #
dnl # cf/m4/defaults.m4 -- values the configuration gets unless the .mc file (or
dnl # its OSTYPE/DOMAIN) says otherwise.  They are the defaults cf/README lists
dnl # in brackets.  Values that mention MAIL_SETTINGS_DIR are quoted so the
dnl # directory is looked up when the option is written, after OSTYPE has had its
dnl # say.  Options that have no entry here are written as comments (the binary's
dnl # built-in default applies); see m4/options.m4.
dnl #
ifdef(`MAIL_SETTINGS_DIR', `', `define(`MAIL_SETTINGS_DIR', `/etc/mail/')')
define(`DATABASE_MAP_TYPE', `hash')

define(`ALIAS_FILE', `MAIL_SETTINGS_DIR`'aliases')
define(`confCW_FILE', `MAIL_SETTINGS_DIR`'local-host-names')
define(`confCR_FILE', `-o MAIL_SETTINGS_DIR`'relay-domains')

define(`confMAILER_NAME', ``MAILER-DAEMON'')
define(`confFROM_LINE', `From $g $d')
define(`confOPERATORS', `.:%@!^/[]+')
define(`confSMTP_LOGIN_MSG', `$j Sendmail $v/$Z; $b')
define(`confSEVEN_BIT_INPUT', `False')
define(`confALIAS_WAIT', `10')
define(`confMIN_FREE_BLOCKS', `100')
define(`confBLANK_SUB', `.')
define(`confCON_EXPENSIVE', `False')
define(`confDELIVERY_MODE', `background')
define(`confTEMP_FILE_MODE', `0600')
define(`confMCI_CACHE_SIZE', `2')
define(`confMCI_CACHE_TIMEOUT', `5m')
define(`confUSE_ERRORS_TO', `False')
define(`confLOG_LEVEL', `9')
define(`confCHECK_ALIASES', `False')
define(`confOLD_STYLE_HEADERS', `True')
define(`confPRIVACY_FLAGS', `authwarnings')
define(`confSAFE_QUEUE', `True')
define(`confTO_QUEUERETURN', `5d')
define(`confTO_QUEUEWARN', `4h')
define(`confTIME_ZONE', `USE_SYSTEM')
define(`confMIME_FORMAT_ERRORS', `True')
define(`confFORWARD_PATH', `$z/.forward.$w:$z/.forward')

dnl # The Received: header, built from pieces so it stays readable.
define(`_SM_RCVD_FROM_', `$?sfrom $s $.$?_($?s$|from $.$_)')
define(`_SM_RCVD_AUTH_', `$.$?{auth_type}(authenticated$?{auth_ssf} bits=${auth_ssf}$.)')
define(`_SM_RCVD_BY_', `$.by $j ($v/$Z)$?r with $r$. id $i$?{tls_version}')
define(`_SM_RCVD_TLS_', `(version=${tls_version} cipher=${cipher} bits=${cipher_bits} verify=${verify})$.$?u')
define(`_SM_RCVD_FOR_', `for $u; $|;
	$.$b')
define(`confRECEIVED_HEADER', `_SM_RCVD_FROM_
	_SM_RCVD_AUTH_
	_SM_RCVD_BY_
	_SM_RCVD_TLS_
	_SM_RCVD_FOR_')

dnl # macros handed to mail filters (only written when a filter is defined)
define(`confMILTER_MACROS_CONNECT', ``j, _, {daemon_name}, {if_name}, {if_addr}'')
define(`confMILTER_MACROS_HELO', ``{tls_version}, {cipher}, {cipher_bits}, {cert_subject}, {cert_issuer}'')
define(`confMILTER_MACROS_ENVFROM', ``i, {auth_type}, {auth_authen}, {auth_ssf}, {auth_author}, {mail_mailer}, {mail_host}, {mail_addr}'')
define(`confMILTER_MACROS_ENVRCPT', ``{rcpt_mailer}, {rcpt_host}, {rcpt_addr}'')
define(`confMILTER_MACROS_EOM', `{msg_id}')
