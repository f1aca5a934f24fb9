divert(-1)
dnl #
dnl # cf/domain/debian-mta.m4 -- DOMAIN(`debian-mta'): the daemon side of a
dnl # Debian system, as Debian's packages set it up: runtime files under
dnl # /var/run/sendmail/mta, trusted user smmta, shorter SMTP timeouts,
dnl # up to 100 hops, five queue runners, group-writable files tolerated,
dnl # queue runs and -bv restricted.
dnl #
_SM_PART_
define(`DEBIAN_MTA', `')
define(`STATUS_FILE', `/var/lib/sendmail/sendmail.st')
define(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
define(`confPID_FILE', `/var/run/sendmail/mta/sendmail.pid')
define(`confCONTROL_SOCKET_NAME', `/var/run/sendmail/mta/smcontrol')
define(`confPROCESS_TITLE_PREFIX', `MTA')
define(`confMAX_DAEMON_CHILDREN', `0')
define(`confRRT_IMPLIES_DSN', `False')
define(`confSAFE_FILE_ENV', `/')
define(`confSAFE_QUEUE', `True')
define(`confQUEUE_FILE_MODE', `0640')
define(`confTEMP_FILE_MODE', `0640')
define(`confTO_ICONNECT', `2m')
define(`confTO_MAIL', `2m')
define(`confTO_DATAINIT', `2m')
define(`confTO_RSET', `1m')
define(`confTO_QUIT', `2m')
define(`confTO_COMMAND', `5m')
define(`confTO_IDENT', `5s')
define(`confMAX_HOP', `100')
define(`confDONT_BLAME_SENDMAIL', defn(`confDONT_BLAME_SENDMAIL')`,AssumeSafeChown,ForwardFileInGroupWritableDirPath,GroupWritableForwardFileSafe,GroupWritableIncludeFileSafe,IncludeFileInGroupWritableDirPath,DontWarnForwardFileInUnsafeDirPath,TrustStickyBit,NonRootSafeAddr,GroupWritableIncludeFile,GroupReadableDefaultAuthInfoFile')
define(`confPRIVACY_FLAGS', `restrictqrun,restrictexpand')
_DEFIFNOT(`confTRUSTED_USER', `smmta')
define(`confMAX_RUNNERS_PER_QUEUE', `5')
