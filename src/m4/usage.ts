/*
 * usage - the texts of --help and --version
 *
 * They are part of the command's interface (scripts grep them), so they read
 * as GNU m4 1.4.19's do; "m4" is replaced by the name the program runs as.
 */

/** helpText - the --help text */
export function helpText(program: string): string {
  return HELP.replace(/@PROG@/g, program);
}

/**
 * versionText - the --version text, as bytes in a latin1 string; the
 * author's name is spelt in UTF-8 under a UTF-8 locale, in ASCII otherwise
 */
export function versionText(utf8: boolean): string {
  return VERSION.replace("@AUTHOR@", utf8 ? "Ren\xc3\xa9" : "Rene'");
}

const HELP = "Usage: @PROG@ [OPTION]... [FILE]...\nProcess macros in FILEs.  If no FILE or if FILE is `-', standard input\nis read.\n\nMandatory or optional arguments to long options are mandatory or optional\nfor short options too.\n\nOperation modes:\n      --help                   display this help and exit\n      --version                output version information and exit\n  -E, --fatal-warnings         once: warnings become errors, twice: stop\n                                 execution at first error\n  -i, --interactive            unbuffer output, ignore interrupts\n  -P, --prefix-builtins        force a `m4_' prefix to all builtins\n  -Q, --quiet, --silent        suppress some warnings for builtins\n      --warn-macro-sequence[=REGEXP]\n                               warn if macro definition matches REGEXP,\n                                 default \\$\\({[^}]*}\\|[0-9][0-9]+\\)\n\nPreprocessor features:\n  -D, --define=NAME[=VALUE]    define NAME as having VALUE, or empty\n  -I, --include=DIRECTORY      append DIRECTORY to include path\n  -s, --synclines              generate `#line NUM \"FILE\"' lines\n  -U, --undefine=NAME          undefine NAME\n\nLimits control:\n  -g, --gnu                    override -G to re-enable GNU extensions\n  -G, --traditional            suppress all GNU extensions\n  -H, --hashsize=PRIME         set symbol lookup hash table size [509]\n  -L, --nesting-limit=NUMBER   change nesting limit, 0 for unlimited [0]\n\nFrozen state files:\n  -F, --freeze-state=FILE      produce a frozen state on FILE at end\n  -R, --reload-state=FILE      reload a frozen state from FILE at start\n\nDebugging:\n  -d, --debug[=FLAGS]          set debug level (no FLAGS implies `aeq')\n      --debugfile[=FILE]       redirect debug and trace output to FILE\n                                 (default stderr, discard if empty string)\n  -l, --arglength=NUM          restrict macro tracing size\n  -t, --trace=NAME             trace NAME when it is defined\n\nFLAGS is any of:\n  a   show actual arguments\n  c   show before collect, after collect and after call\n  e   show expansion\n  f   say current input file name\n  i   show changes in input files\n  l   say current input line number\n  p   show results of path searches\n  q   quote values as necessary, with a or e flag\n  t   trace for all macro calls, not only traceon'ed\n  x   add a unique macro call id, useful with c flag\n  V   shorthand for all of the above flags\n\nIf defined, the environment variable `M4PATH' is a colon-separated list\nof directories included after any specified by `-I'.\n\nExit status is 0 for success, 1 for failure, 63 for frozen file version\nmismatch, or whatever value was passed to the m4exit macro.\n\nReport bugs to: bug-m4@gnu.org\nGNU M4 home page: <https://www.gnu.org/software/m4/>\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>\n";

const VERSION = "m4 (GNU M4) 1.4.19\nCopyright (C) 2021 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by @AUTHOR@ Seindal.\n";
