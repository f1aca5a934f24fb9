divert(-1)
dnl #
dnl # FEATURE(`blacklist_recipients'): the old name of blocklist_recipients.
dnl #
_SM_PART_
_SM_WARN_(`FEATURE(`blacklist_recipients') is deprecated; use FEATURE(`blocklist_recipients')')
FEATURE(`blocklist_recipients')
