divert(-1)
dnl #
dnl # cf/domain/generic.m4 -- DOMAIN(`generic'): a neutral domain description.
dnl #
dnl # .forward files may be per host (.forward.HOST) and per detail
dnl # (.forward+DETAIL); headers may be up to 32 kB; FEATURE(`redirect') and
dnl # FEATURE(`use_cw_file') are on; root is never masqueraded.
dnl #
_SM_PART_
define(`confFORWARD_PATH', `$z/.forward.$w+$h:$z/.forward+$h:$z/.forward.$w:$z/.forward')
define(`confMAX_HEADERS_LENGTH', `32768')
FEATURE(`redirect')
FEATURE(`use_cw_file')
EXPOSED_USER(`root')
