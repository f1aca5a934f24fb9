divert(-1)
dnl #
dnl # FEATURE(`notsticky'): the default now; accepted for old .mc files.
dnl #
_SM_PART_
