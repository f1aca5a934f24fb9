divert(-1)
dnl #
dnl # cf/m4/cf.m4 -- front door of the sendmail-ts configuration library.
dnl #
dnl # Two ways to use it, both as with the classic library:
dnl #
dnl #	m4 /path/to/cf/m4/cf.m4 site.mc > sendmail.cf
dnl #	m4 site.mc > sendmail.cf	(site.mc says include(`/path/to/cf/m4/cf.m4'))
dnl #
dnl # The library root is worked out from the name this file was read under:
dnl # __file__ is ".../cf/m4/cf.m4", and everything up to (and including) the
dnl # slash before "m4/cf.m4" is the root.  An explicit -D_CF_DIR_=/some/dir/
dnl # (trailing slash!) wins, for m4 programs without __file__.
dnl #
ifdef(`_CF_DIR_', `',
	`ifelse(__file__, `__file__',
		`define(`_CF_DIR_', `../')',
		`define(`_CF_DIR_',
			substr(__file__, 0, eval(len(__file__) - len(`m4/cf.m4'))))')')

dnl # Load the vocabulary only once, even when cf.m4 is named on the command
dnl # line and included again by the .mc file (Debian style).
ifdef(`_SM_LIB_LOADED_', `',
	`define(`_SM_LIB_LOADED_', `1')include(_CF_DIR_`m4/cfhead.m4')')
divert(0)dnl
