divert(-1)
dnl #
dnl # cf/m4/proto.m4 -- writes the configuration.  Runs once, after the last
dnl # line of the .mc file (m4wrap in cfhead.m4), so every directive has been
dnl # seen.  Sections, in order:
dnl #	version level, early options (file safety, LDAP default)
dnl #	local info: classes, macros and maps the rules use
dnl #	LOCAL_CONFIG, cf version ($Z), options, queue groups, precedences,
dnl #	trusted users, headers
dnl #	the rulesets (m4/rs_*.m4), LOCAL_RULESETS, mail filters, mailers
dnl #
define(`_SM_LOC_', ifdef(`_SM_MC_FILE_', `_SM_MC_FILE_', `the .mc file'))
include(_CF_DIR_`m4/options.m4')
include(_CF_DIR_`m4/version.m4')

dnl # the local mailer is always there
ifdef(`_MAILER_local_', `', `MAILER(`local')')

ifdef(`__OSTYPE__', `',
	`_SM_FATAL_(`no OSTYPE given', `add a line like OSTYPE(`linux') before the first FEATURE')')

dnl # the mailers the rules hand addresses to
_DEFIFNOT(`confSMTP_MAILER', `esmtp')
_DEFIFNOT(`confLOCAL_MAILER', `local')
_DEFIFNOT(`confRELAY_MAILER', `ifdef(`_MAILER_smtp_', `relay',
	`ifdef(`_MAILER_uucp_', `uucp-new', `unknown')')')
_DEFIFNOT(`confUUCP_MAILER', `uucp-old')
define(`_SMTP_', `confSMTP_MAILER')
define(`_LOCAL_', `confLOCAL_MAILER')
define(`_RELAY_', `confRELAY_MAILER')
define(`_UUCP_', `confUUCP_MAILER')

ifdef(`confLDAP_DEFAULT_SPEC', `', `ifdef(`_LDAP_ROUTING_WARN_',
	`_SM_WARN_(`FEATURE(`ldap_routing') uses its default maps but confLDAP_DEFAULT_SPEC is not set')')')
ifelse(substr(defn(`confDELIVERY_MODE'), 0, 1), `d',
	`_SM_WARN_(`the anti-spam rules do nothing in deferred delivery mode (confDELIVERY_MODE)')')

dnl # check_relay/check_mail/check_rcpt names (see rs_policy.m4)
define(`_U_', ifdef(`_DELAY_CHECKS_', `', `_'))
_DEFIFNOT(`confRELAY_MSG', ifdef(`_USE_AUTH_',
	`"550 Relaying denied. Proper authentication required."',
	`"550 Relaying denied"'))
_DEFIFNOT(`confRCPTREJ_MSG', `"550 Mailbox disabled for this recipient"')
ifdef(`_USETMPFTOKEN_',
	`define(`_TMPFMSG_', `"451 Temporary system failure $1. Please try again later."')',
	`define(`_TMPFMSG_', `"451 Temporary system failure. Please try again later."')')
dnl # mark for a sender domain that is fine (resolves, or is accepted anyway)
define(`_RES_OK_', `OKR')
ifdef(`_ACCESS_TABLE_', `define(`_SM_TLS_CHECK_', `1')')

_SM_OLD_OPTIONS_

divert(0)dnl
#####  cf/m4/proto.m4: sendmail-ts configuration library  #####

# configuration file version level
V`'CF_LEVEL`'ifdef(`NO_VENDOR', `', `/ifdef(`VENDOR_NAME', `VENDOR_NAME', `Berkeley')')

# file safety overrides (set before any file is read; fixing the files is
# better than setting this)
_SM_OPT_(DontBlameSendmail, `confDONT_BLAME_SENDMAIL', `safe')

# default LDAP map specification (set before any LDAP map)
_SM_OPT_(LDAPDefaultSpec, `confLDAP_DEFAULT_SPEC', `-h localhost')

##################
#   local info   #
##################

# LDAP cluster name
ifdef(`confLDAP_CLUSTER', `D{sendmailMTACluster}`'confLDAP_CLUSTER', `#D{sendmailMTACluster}$m')

# names of this host (class w)
Cwlocalhost
ifdef(`USE_CW_FILE', `Fw`'confCW_FILE', `dnl')

# official domain name ($j), only if sendmail cannot find it
ifdef(`confDOMAIN_NAME', `Dj`'confDOMAIN_NAME', `#Dj$w.Foo.COM')

# host names ending in a class P token are canonical
CP.

ifdef(`UUCP_RELAY', `# UUCP relay
DY`'UUCP_RELAY
CPUUCP

')dnl
ifdef(`BITNET_RELAY', `# BITNET relay
DB`'BITNET_RELAY
CPBITNET

')dnl
ifdef(`DECNET_RELAY', `define(`_USE_DECNET_SYNTAX_', `1')dnl
# DECnet relay
DC`'DECNET_RELAY
CPDECNET

')dnl
ifdef(`FAX_RELAY', `# FAX relay
DF`'FAX_RELAY
CPFAX

')dnl
# smart host (may be empty)
DS`'ifdef(`SMART_HOST', `SMART_HOST')

ifdef(`LUSER_RELAY', `# where mail for unknown local users goes
Kuser user -m -a<>
DL`'LUSER_RELAY', `dnl')

# operators that route elsewhere when they appear in a local part
CO @ ifdef(`_NO_PERCENTHACK_', `', `%') ifdef(`_NO_UUCP_', `', `!')

# the class of just a dot, and of just a left bracket
C..
C[[

ifdef(`_ACCESS_TABLE_', `# access map values that accept
C{Accept}OK RELAY
ifdef(`_DELAY_COMPAT_8_10_', `ifdef(`_BLOCKLIST_RCPT_', `# old spam friend/hater values
C{SpamTag}SPAMFRIEND SPAMHATER')')', `dnl')

ifdef(`_ACCEPT_UNRESOLVABLE_DOMAINS_', `dnl', `# does a sender domain exist?
Kresolve host -a<_RES_OK_> -T<TEMP>')
C{ResOk}_RES_OK_

ifdef(`_NEED_MACRO_MAP_', `ifdef(`_MACRO_MAP_', `', `define(`_MACRO_MAP_', `1')# macro storage
Kmacro macro')', `dnl')

ifdef(`confCR_FILE', `# hosts and nets that may relay (class R)
FR`'confCR_FILE', `dnl')

ifdef(`_ARITH_MAP_', `', `define(`_ARITH_MAP_', `1')# arithmetic
Karith arith')
ifdef(`_SM_TLS_CHECK_', `ifdef(`_MACRO_MAP_', `', `define(`_MACRO_MAP_', `1')# macro storage
Kmacro macro')
# access map values of TLS requirements, and good ${verify} values
C{Tls}VERIFY ENCR
C{TlsVerified}OK TRUSTED', `dnl')
ifdef(`_CERT_REGEX_ISSUER_', `KCERTIssuer regex _CERT_REGEX_ISSUER_', `dnl')
ifdef(`_CERT_REGEX_SUBJECT_', `KCERTSubject regex _CERT_REGEX_SUBJECT_', `dnl')

ifdef(`LOCAL_RELAY', `# where unqualified names go (with the stickyhost feature)
DR`'LOCAL_RELAY', `dnl')
ifdef(`MAIL_HUB', `# where mail for local users goes
DH`'MAIL_HUB', `dnl')

# dequoting
Kdequote dequote`'ifdef(`confDEQUOTE_OPTS', ` confDEQUOTE_OPTS')

# classes from the .mc file:
#  E exposed users, L users kept local, M/N masqueraded/not masqueraded
#  domains, R relay domains, w local host names, G generics domains
undivert(5)dnl
ifdef(`_VIRTHOSTS_', `CR$={VirtHost}', `dnl')

ifdef(`MASQUERADE_NAME', `# who we masquerade as
DM`'MASQUERADE_NAME', `dnl')

# sender of error messages
ifdef(`confMAILER_NAME', `Dn`'confMAILER_NAME', `#DnMAILER-DAEMON')

undivert(6)dnl LOCAL_CONFIG

# configuration version
DZ`'_SM_CF_VERSION_`'ifdef(`confCF_VERSION', `/confCF_VERSION')

_SM_OPTIONS_

###########################
#   Queue groups          #
###########################
_QUEUE_GROUP_

###########################
#   Message precedences   #
###########################
Pfirst-class=0
Pspecial-delivery=100
Plist=-30
Pbulk=-60
Pjunk=-100

#####################
#   Trusted users   #
#####################
# (class t; the use_ct_file feature reads the file)
ifdef(`_USE_CT_FILE_', `', `#')Ft`'ifdef(`confCT_FILE', `confCT_FILE', `MAIL_SETTINGS_DIR`'trusted-users')
Troot
Tdaemon
ifdef(`_NO_UUCP_', `dnl', `Tuucp')
ifdef(`confTRUSTED_USERS', `T`'confTRUSTED_USERS', `dnl')

#########################
#   Format of headers   #
#########################
_DEFIFNOT(`confFROM_HEADER', `$?x$x <$g>$|$g$.')dnl
_DEFIFNOT(`confMESSAGEID_HEADER', `<$t.$i@$j>')dnl
H?P?Return-Path: <$g>
HReceived: confRECEIVED_HEADER
H?D?Resent-Date: $a
H?D?Date: $a
H?F?Resent-From: confFROM_HEADER
H?F?From: confFROM_HEADER
H?x?Full-Name: $x
H?M?Resent-Message-Id: confMESSAGEID_HEADER
H?M?Message-Id: confMESSAGEID_HEADER

######################################################################
#####
#####			REWRITING RULES
#####
######################################################################

include(_CF_DIR_`m4/rs_canon.m4')dnl
include(_CF_DIR_`m4/rs_parse.m4')dnl
include(_CF_DIR_`m4/rs_masq.m4')dnl
include(_CF_DIR_`m4/rs_access.m4')dnl
include(_CF_DIR_`m4/rs_policy.m4')dnl
include(_CF_DIR_`m4/rs_tls.m4')dnl

undivert(9)dnl LOCAL_RULESETS

######################################################################
#####
#####			MAIL FILTER DEFINITIONS
#####
######################################################################
_MAIL_FILTERS_

######################################################################
#####
#####			MAILERS
#####
######################################################################
undivert(7)dnl MAILER_DEFINITIONS
ifdef(`_SM_FAILED_', `m4exit(1)')dnl
