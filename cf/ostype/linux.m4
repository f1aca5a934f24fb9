divert(-1)
dnl #
dnl # cf/ostype/linux.m4 -- OSTYPE(`linux'): GNU/Linux systems.
dnl #
dnl # Programs live in /usr/sbin; local delivery is done by procmail
dnl # (/usr/bin/procmail unless PROCMAIL_MAILER_PATH says otherwise).
dnl #
_SM_PART_
define(`confEBINDIR', `/usr/sbin')
_DEFIFNOT(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
FEATURE(`local_procmail')
