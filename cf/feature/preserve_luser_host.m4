divert(-1)
dnl #
dnl # FEATURE(`preserve_luser_host'): keep the recipient host when mail goes
dnl # to LUSER_RELAY (define LUSER_RELAY first).
dnl #
_SM_PART_
ifdef(`LUSER_RELAY', `', `_SM_WARN_(`define LUSER_RELAY before FEATURE(`preserve_luser_host')')')
define(`_PRESERVE_LUSER_HOST_', `1')
define(`_NEED_MACRO_MAP_', `1')
