divert(-1)
dnl #
dnl # FEATURE(`smrsh' [, path]): run programs from .forward and aliases with
dnl # the restricted shell smrsh (confEBINDIR/smrsh unless a path is given).
dnl #
_SM_PART_
ifdef(`_MAILER_local_', `_SM_WARN_(`FEATURE(`smrsh') must come before MAILER(`local')')')
define(`LOCAL_SHELL_PATH', ifelse(defn(`_ARG_'), `',
	`ifdef(`confEBINDIR', `confEBINDIR', `/usr/libexec')`/smrsh'',
	`_ARG_'))
_DEFIFNOT(`LOCAL_SHELL_ARGS', `smrsh -c $u')
