divert(-1)
dnl #
dnl # FEATURE(`check_other' [, regex]): a check_other ruleset that drops the
dnl # connection when a rejected SMTP command looks like a header line (or
dnl # matches the given regular expression).
dnl #
_SM_PART_
define(`_SM_CHKORX_', ifelse(defn(`_ARG_'), `', `^[[:print:]]+ *:', `defn(`_ARG_')'))
LOCAL_CONFIG
ifelse(defn(`_SM_CHKORX_'), `', `dnl', `Kbadcmd regex -m -a<BADCMD> defn(`_SM_CHKORX_')')
LOCAL_RULESETS
Scheck_other
R$* $| 2	$@ ok
ifelse(defn(`_SM_CHKORX_'), `', `dnl', `dnl
R$+ $| 5	$: $(badcmd $1 $)
R$*<BADCMD>	$#error $@ 4.7.0 $: 421 bad command')
