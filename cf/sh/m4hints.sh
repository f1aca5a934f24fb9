#!/bin/sh
# m4hints.sh -- copy m4's diagnostics (stdin) to stdout, adding a hint after
# the messages a .mc author most often meets.  Used by etc-mail/Makefile.
while IFS= read -r line; do
	printf '%s\n' "$line"
	case $line in
	*"end of file in string"*)
		echo "    hint: a quoted string is never closed: every \` (backquote) that opens"
		echo "    a quote needs a ' (apostrophe) that closes it; check the line given"
		echo "    and the lines after it." ;;
	*"end of file in argument list"*)
		echo "    hint: a ( is never closed: check the parentheses of the directive on"
		echo "    the line given." ;;
	*"cannot open"*"/feature/"*)
		echo "    hint: no such FEATURE; the names are the files in cf/feature/." ;;
	*"cannot open"*"/ostype/"*)
		echo "    hint: no such OSTYPE; the names are the files in cf/ostype/." ;;
	*"cannot open"*)
		echo "    hint: check the file name (include paths are relative to the"
		echo "    directory m4 runs in)." ;;
	esac
done
exit 0
