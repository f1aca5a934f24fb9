divert(-1)
dnl #
dnl # FEATURE(`no_default_msa'): no default message submission daemon on port 587.
dnl #
_SM_PART_
define(`_NO_MSA_', `1')
