divert(-1)
dnl #
dnl # FEATURE(`require_rdns'): refuse clients whose IP address has no proper reverse DNS.
dnl #
_SM_PART_
define(`_REQUIRE_RDNS_', `1')
