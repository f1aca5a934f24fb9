divert(-1)
dnl #
dnl # cf/m4/cfhead.m4 -- loaded once by cf.m4 before the .mc file is read.
dnl #
dnl # It prints the banner of the generated file, switches off m4 comments
dnl # (sendmail.cf uses `#' for its own comments and they must be expanded like
dnl # everything else), loads the vocabulary and the default values, and arranges
dnl # for m4/proto.m4 to run after the last line of the .mc file: that is where
dnl # the configuration is actually written out.
dnl #
changecom()
undefine(`format')
undefine(`hpux')
ifdef(`pushdef', `',
	`errprint(`*** ERROR: this m4 has no pushdef; use GNU m4 or bin/m4
')m4exit(1)')

include(_CF_DIR_`m4/util.m4')
include(_CF_DIR_`m4/vocab.m4')
include(_CF_DIR_`m4/defaults.m4')

m4wrap(`include(_CF_DIR_`m4/proto.m4')')

divert(0)dnl
######################################################################
#
#		sendmail.cf -- generated, do not edit
#
#	Made by the sendmail-ts configuration library (cf/) from a
#	.mc file.  Change the .mc file and rebuild instead of editing
#	this file: `make -C /etc/mail' or `m4 cf/m4/cf.m4 x.mc > x.cf'.
#
######################################################################
ifdef(`_NO_MAKEINFO_', `dnl',
`esyscmd(`sh '_CF_DIR_`sh/makeinfo.sh '_CF_DIR_)dnl')
