divert(-1)
dnl #
dnl # FEATURE(`relay_based_on_MX'): relay for domains whose MX records point
dnl # to this host.
dnl #
_SM_PART_
define(`_RELAY_MX_SERVED_', `1')
LOCAL_CONFIG
Kmxserved bestmx -z: -T<TEMP>
