divert(-1)
dnl #
dnl # FEATURE(`nopercenthack', `reject'|`nospecial'): "%" does not route.
dnl #	reject		a local part with "%" is refused unless the client may relay
dnl #	nospecial	"%" is an ordinary character
dnl #
_SM_PART_
ifelse(defn(`_ARG_'), `',
	`_SM_COMPLAIN_(`FEATURE(`nopercenthack') needs an argument: `reject' or `nospecial' (see cf/README)')define(`_NO_PERCENTHACK_', `e')',
	substr(defn(`_ARG_'), 0, 1), `r', `define(`_NO_PERCENTHACK_', `r')',
	substr(defn(`_ARG_'), 0, 1), `n', `define(`_NO_PERCENTHACK_', `n')',
	`_SM_COMPLAIN_(`FEATURE(`nopercenthack'): unknown argument 'defn(`_ARG_')`, use `reject' or `nospecial'')')
