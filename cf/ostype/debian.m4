divert(-1)
dnl #
dnl # cf/ostype/debian.m4 -- OSTYPE(`debian'): Debian GNU/Linux, matching the
dnl # settings of Debian's sendmail packages, so that a Debian sendmail.mc
dnl # builds the same configuration with this library.
dnl #
dnl #  - files in /etc/mail; the class files may hold # comments
dnl #  - status, dead letters and host status under /var/lib/sendmail
dnl #  - local delivery through /usr/sbin/sensible-mda; procmail is
dnl #    /usr/bin/procmail, inews /usr/bin/inews
dnl #  - mailers run as mail:mail
dnl #
_SM_PART_
define(`DEBIAN_OSTYPE', `1')
_DEFIFNOT(`MAIL_SETTINGS_DIR', `/etc/mail/')
_DEFIFNOT(`_USE_ETC_MAIL_', `')
dnl # the MTA version of Debian 12 (bookworm), for .mc files that test it
_DEFIFNOT(`sm_version', `8.17.1.9')
_DEFIFNOT(`sm_version_math', `528641')
_DEFIFNOT(`sm_enable_ipv6', `yes')
_DEFIFNOT(`sm_enable_milter', `yes')
_DEFIFNOT(`sm_ffr', `')
define(`confSMTP_LOGIN_MSG', `$j Sendmail $v/$Z; $b; (No UCE/UBE) $?{client_addr}logging access from: ${client_name}(${client_resolve})-$_$.')
define(`confDEAD_LETTER_DROP', `/var/lib/sendmail/dead.letter')
define(`STATUS_FILE', `/var/lib/sendmail/sendmail.st')
define(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
dnl # "%[^\#]": a # starts a comment in these files
define(`confCR_FILE', `-o MAIL_SETTINGS_DIR`'relay-domains %[^\#]')
define(`confCT_FILE', `MAIL_SETTINGS_DIR`'trusted-users %[^\#]')
define(`confCW_FILE', `MAIL_SETTINGS_DIR`'local-host-names %[^\#]')
define(`confEBINDIR', `/usr/libexec/sendmail')
changequote(`[', `]')
define([confMUST_QUOTE_CHARS], [.'])
changequote([`], ['])
define(`confME_TOO', `True')
define(`confDEF_USER_ID', `mail:mail')
define(`confREJECT_NUL', `true')
define(`confBIND_OPTS', `+WorkAroundBrokenAAAA')
define(`LOCAL_MAILER_PATH', `/usr/sbin/sensible-mda')
define(`LOCAL_MAILER_ARGS', `sensible-mda $g $u $h ${client_addr}')
MODIFY_MAILER_FLAGS(`LOCAL', `+S')
MODIFY_MAILER_FLAGS(`LOCAL', `-r')
MODIFY_MAILER_FLAGS(`LOCAL', `-m')
define(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
define(`PROCMAIL_MAILER_ARGS', `procmail -m $h $f $u')
define(`USENET_MAILER_PATH', `/usr/bin/inews')
define(`UUCP_MAILER_ARGS', `uux - -r -z -a$g -gC $h!rmail ($u)')
define(`_FFR_MILTER', `')
define(`_FFR_MAIL_MACRO', `')
