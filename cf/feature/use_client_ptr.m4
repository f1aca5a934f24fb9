divert(-1)
dnl #
dnl # FEATURE(`use_client_ptr'): check_relay gets ${client_ptr} instead of ${client_name}.
dnl #
_SM_PART_
define(`_USE_CLIENT_PTR_', `1')
