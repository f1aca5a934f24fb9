divert(-1)
dnl #
dnl # FEATURE(`generics_entire_domain'): subdomains of class G entries are
dnl # looked up in the genericstable too.
dnl #
_SM_PART_
define(`_GENERICS_ENTIRE_DOMAIN_', `1')
