divert(-1)
dnl #
dnl # FEATURE(`nocanonify' [, `canonify_hosts']): do not look host names up
dnl # with $[ $] (qualified names just get a trailing dot), except for
dnl # domains in class {Canonify} and when the daemon has modifier c.  With
dnl # canonify_hosts, single-label host names are looked up anyway.
dnl #
_SM_PART_
define(`_NO_CANONIFY_', `1')
ifelse(defn(`_ARG_'), `', `',
	strcasecmp(defn(`_ARG_'), `canonify_hosts'), `1', `define(`_CANONIFY_HOSTS_', `1')',
	`_SM_COMPLAIN_(`FEATURE(`nocanonify'): unknown argument 'defn(`_ARG_'))')
