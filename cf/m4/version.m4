divert(-1)
dnl #
dnl # cf/m4/version.m4 -- the version of this configuration library, written
dnl # into the generated file as macro $Z (it shows in the SMTP greeting and in
dnl # Received: headers).  confCF_VERSION, if set, is appended after a slash.
dnl #
define(`_SM_CF_VERSION_', `8.17.1.9-ts')
