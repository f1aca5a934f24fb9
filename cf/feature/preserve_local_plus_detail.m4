divert(-1)
dnl #
dnl # FEATURE(`preserve_local_plus_detail'): keep +detail when handing a local address to the local mailer.
dnl #
_SM_PART_
define(`_PRESERVE_LOCAL_PLUS_DETAIL_', `1')
