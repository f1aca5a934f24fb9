divert(-1)
dnl #
dnl # cf/domain/debian-msp.m4 -- DOMAIN(`debian-msp'): the submission program
dnl # (submit.cf) of a Debian system: queue in /var/spool/mqueue-client,
dnl # runtime files under /var/run/sendmail/msp, runs as smmsp.
dnl #
_SM_PART_
define(`DEBIAN_MSP', `')
define(`confCF_VERSION', `Submit')
define(`MSP_QUEUE_DIR', `/var/spool/mqueue-client')
define(`STATUS_FILE', `/var/lib/sendmail/sm-client.st')
define(`confHOST_STATUS_DIRECTORY', `')
define(`confPID_FILE', `/var/run/sendmail/msp/sendmail.pid')
define(`confCONTROL_SOCKET_NAME', `/var/run/sendmail/msp/smcontrol')
define(`confPROCESS_TITLE_PREFIX', `MSP')
define(`confRRT_IMPLIES_DSN', `False')
define(`confSAFE_FILE_ENV', `/')
define(`confSAFE_QUEUE', `True')
define(`confQUEUE_FILE_MODE', `0660')
define(`confTEMP_FILE_MODE', `0640')
define(`confTO_ICONNECT', `2s')
define(`confTO_MAIL', `2m')
define(`confTO_DATAINIT', `2m')
define(`confTO_RSET', `1m')
define(`confTO_QUIT', `2m')
define(`confTO_COMMAND', `5m')
define(`confTO_IDENT', `5s')
define(`confTO_HOSTSTATUS', `0')
FEATURE(`no_default_msa')
define(`confRUN_AS_USER', `smmsp')
define(`confTRUSTED_USER', defn(`confRUN_AS_USER'))
