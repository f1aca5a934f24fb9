divert(-1)
dnl #
dnl # FEATURE(`queuegroup' [, default group]): choose a queue group by
dnl # recipient with QGRP:address and QGRP:domain entries of the access map.
dnl #
_SM_PART_
ifdef(`_ACCESS_TABLE_', `', `_SM_COMPLAIN_(`FEATURE(`queuegroup') needs FEATURE(`access_db') first')')
LOCAL_RULESETS
Squeuegroup
R< $+ >		$1
R $+ @ $+	$: $>SearchList <! qgrp> $| <F:$1@$2> <D:$2> <>
ifelse(defn(`_ARG_'), `', `R<?>		$@', `R<?>		$# _ARG_')
R<$+>		$# $1
