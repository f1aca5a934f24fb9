divert(-1)
dnl #
dnl # FEATURE(`badmx' [, regex]): refuse senders whose domain has MX records
dnl # that are bogus (an IP address as name) or point to private addresses
dnl # (127., 10., 0.0.0.0 unless a regular expression is given).
dnl #
_SM_PART_
define(`_BADMX_CHK_', `1')
LOCAL_CONFIG
Kmxlist bestmx -z: -T<TEMP>
Kbadmx regex -a<BADMX> ^(([0-9]{1,3}\.){3}[0-9]){0,1}\.$
KdnsA dns -R A -a. -T<TEMP>
KBadMXIP regex -a<BADMXIP> ifelse(defn(`_ARG_'), `', `^(127\.|10\.|0\.0\.0\.0)', `_ARG_')
