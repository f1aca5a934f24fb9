divert(-1)
dnl #
dnl # FEATURE(`virtuser_entire_domain'): subdomains of class {VirtHost}
dnl # entries are virtual domains too.
dnl #
_SM_PART_
define(`_VIRTUSER_ENTIRE_DOMAIN_', `1')
