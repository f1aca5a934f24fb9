/*
 * regex_unit_test - regexp and patsubst against GNU m4 1.4.19
 *
 * Every case runs through the real /usr/bin/m4 (one run for the whole table,
 * with -P so that no case text is a macro, cases told apart by marker text
 * on stdout and stderr) and through our builtins (in the same order, sharing
 * one Diag, since GNU warns about \0 only once per run). Expansion and
 * diagnostic texts must match. Whether each kind of diagnostic is a warning
 * or an error is checked from m4's exit status, one extra run per kind.
 * No expected value is written here: they all come from m4 at test time.
 */

import { beforeAll, describe, expect, it } from "vitest";
import type { Diag } from "../../src/m4/diag.js";
import { patsubstBuiltin, regexpBuiltin } from "../../src/m4/regexp_builtins.js";
import { HAVE_M4, LQ, RQ, diagTexts as allDiagTexts, errMarker, m4Call, runM4, skipNotice, splitErr } from "./oracle_harness.js";

// Output separator that no case uses (nor the quotes LQ and RQ).
const SEP = "\x03\n";

type Fn = "regexp" | "patsubst";

interface Case {
  fn: Fn;
  /** The builtin's arguments (1 to 3 of them). */
  args: string[];
}

interface Result {
  out: string;
  diags: string[];
}

const R = String.raw;

/** rx - a regexp case */
function rx(s: string, p?: string, r?: string): Case {
  return { fn: "regexp", args: [s, p, r].filter((a): a is string => a !== undefined) };
}

/** ps - a patsubst case */
function ps(s: string, p?: string, r?: string): Case {
  return { fn: "patsubst", args: [s, p, r].filter((a): a is string => a !== undefined) };
}

/** each - the same pattern and replacement on several strings */
function each(make: typeof rx, p: string, r: string | undefined, subjects: string[]): Case[] {
  return subjects.map((s) => make(s, p, r));
}

const G = R`[\&|\1|\2|\3]`;

const handCases: Case[] = [
  // -- GNU manual examples
  rx("GNUs not Unix", R`\<[a-z]\w+`),
  rx("GNUs not Unix", R`\<Q\w*`),
  rx("GNUs not Unix", R`\w\(\w+\)$`, R`*** \& *** \1 ***`),
  rx("GNUs not Unix", R`\<Q\w*`, R`*** \& *** \1 ***`),
  rx("abc", R`\(b\)`, R`\\\10\a`),
  rx("abc", R`b`, "\\1\\"),
  rx("abc", R`\(\(d\)?\)\(c\)`, R`\1\2\3\4\5\6`),
  rx("abc"),
  rx("abc", ""),
  rx("abc", "", R`\\def`),
  ps("GNUs not Unix", "^", "OBS: "),
  ps("GNUs not Unix", R`\<`, "OBS: "),
  ps("GNUs not Unix", R`\w*`, R`(\&)`),
  ps("GNUs not Unix", R`\w+`, R`(\&)`),
  ps("GNUs not Unix", "[A-Z][a-z]+"),
  ps("GNUs not Unix", "not", "NOT\\"),
  ps("abc"),
  ps("abc", ""),

  // -- literals and escapes of ordinary characters
  rx("abc", "b"), rx("abc", "bc"), rx("abc", "abcd"), rx("", "a"), rx("", ""),
  rx("a.c", R`\.`), rx("abc", R`a\bc`), rx("ab", R`\ab`), rx("an", R`a\n`),
  rx("a\nb", "a\nb", "[\\&]"), rx("a{2}", "a{2}", "[\\&]"), rx("a{2}", R`a\{2\}`, "[\\&]"),
  rx("aa", R`a\{2\}`, "[\\&]"), rx("a}", R`a\}`, "[\\&]"), rx("a|b", "a|b", "[\\&]"),
  rx("(ab)", "(ab)", "[\\&]"), rx("a+", R`a\+`, "[\\&]"), rx("a?", R`a\?`, "[\\&]"),
  rx("a*", R`a\*`, "[\\&]"), rx("a[b", R`a\[b`, "[\\&]"), rx("a]b", "a]b", "[\\&]"),
  rx("a\\b", R`a\\b`, "[\\&]"), rx("x^y", "x^y", "[\\&]"), rx("x$y", "x$y", "[\\&]"),
  rx("a$b", R`a\$b`, "[\\&]"), rx("a^b", R`a\^b`, "[\\&]"), rx("d1", R`\d`, "[\\&]"),
  rx("?:ab", R`\(?:a\)b`, "[\\&]"),

  // -- case sensitivity
  rx("ABC", "b"), rx("ABC", "B"), rx("abc", "[A-Z]"), rx("aBc", "[A-Z]", "[\\&]"),
  rx("Hello World", R`\<w`), rx("Hello World", R`\<W\w*`, "[\\&]"), ps("MiXeD", "[a-z]", "_"),

  // -- the dot and newlines
  rx("a\nb", "a.b"), rx("a\nb", R`a\Wb`, "[\\&]"), rx("a\nb", R`a\sb`, "[\\&]"),
  rx("a\nb", "a[^x]b", "[\\&]"), rx("\n", "."), rx("x\ny", ".*", "[\\&]"), ps("ab\ncd", ".", "-"),
  ps("a\n\nb", R`\n`, "|"), ps("line1\nline2\n", "^.", "<\\&>"), ps("a\nb", "a\nb", "X"),

  // -- postfix operators
  rx("aaa", "a*", "[\\&]"), rx("aaa", "a+", "[\\&]"), rx("aaa", "a?", "[\\&]"), rx("baaa", "a*", "[\\&]"),
  rx("baaa", "a+", "[\\&]"), rx("b", "a?b", "[\\&]"), rx("a", "a**", "[\\&]"), rx("ab", "a**b", "[\\&]"),
  rx("aaa", "a*?", "[\\&]"), rx("aaa", "a+?", "[\\&]"), rx("a+?*", "a+?*", "[\\&]"), rx("aa", "a*+", "[\\&]"),
  rx("aa", "a?*", "[\\&]"), rx("aa", "a+*", "[\\&]"), rx("*a", "*a", "[\\&]"), rx("+a", "+a", "[\\&]"),
  rx("?a", "?a", "[\\&]"), rx("**a", "**a", "[\\&]"), rx("a", "**a", "[\\&]"), rx("*a", R`\(*a\)`, "[\\&]"),
  rx("+a", R`\(+a\)`, "[\\&]"), rx("*a", R`x\|*a`, "[\\&]"), rx("**a", "^*a", "[\\&]"), rx("*a", "^*a", "[\\&]"),
  rx("x", R`\(^*\)`, "[\\&]"), rx("*", R`\(^*\)`, "[\\&]"), rx("a$$", "a$*", "[\\&]"), rx("a^^", "a^*", "[\\&]"),
  rx("ab", R`\`*`, "[\\&]"), rx("*ab", R`\`*`, "[\\&]"), rx("a*", R`a\b*`, "[\\&]"), rx("a *", R`a\>*`, "[\\&]"),
  rx("xy", R`x\(\)*y`, "[\\&]"), rx("aXbXc", "X*", "[\\&]"), ps("aaa", "a*", "<\\&>"), ps("aaa", "a?", "<\\&>"),

  // -- greediness and backtracking
  rx("aaab", "a*ab", "[\\&]"), rx("aaa", R`\(a*\)\(a*\)`, G), rx("aaa", R`\(a*\)\(a\)`, G),
  rx("aaa", R`\(a*\)\(a+\)`, G), rx("aaa", R`\(a?\)\(a*\)`, G), rx("abab", R`\(ab\)*`, G),
  rx("abcabc", R`\(.*\)c`, G), rx("abcabc", R`\(.*\)\(c.*\)`, G), rx("xyz", R`\(x*\)\(y*\)\(z*\)`, G),
  rx("aaaa", R`\(a\|aa\)*`, G), rx("aaaa", R`\(aa\|a\)*`, G), rx("abcd", R`\(a\|ab\)\(c\|bcd\)`, R`\1-\2`),
  rx("abc", R`\(a\|ab\)\(bc\|c\)`, G), rx("abc", R`\(ab\|a\)\(bc\|c\)`, G), rx("xabcx", R`\(a\|ab\|abc\)`, G),
  rx("abcd", R`\(a*\)\(ab\)*\(b*\)`, G), rx("aab", R`\(a\|aa\)\(ab\|b\)`, G), rx("aaa", R`\(a\|\(a\)\)*`, G),
  rx("foobar", R`\(foo\|foob\)\(ar\|bar\)`, G), rx("aaaaa", R`\(aa\)*\(a\)`, G), rx("ab", R`\(a*\)*b`, G),

  // -- groups
  rx("abc", R`\(\)`, G), rx("abc", R`\(\)b`, G), rx("abc", R`a\(\)b`, G), rx("abc", R`\(\(\(b\)\)\)`, G),
  rx("abc", R`\(\(b\)\)`, G), rx("abc", R`\(a\(b\)\(c\)\)`, G), rx("abc", R`\(a\)\(b\)\(c\)\(d*\)\(\)\(\)\(\)\(\)\(\)`, R`\9\8\7\6\5\4\3\2\1`),
  rx("abcdefghij", R`\(a\)\(b\)\(c\)\(d\)\(e\)\(f\)\(g\)\(h\)\(i\)\(j\)`, R`\9\8\7\6\5\4\3\2\1\10`),
  rx("ab", R`\(x\)*\(a\)`, G), rx("ab", R`\(x\)?\(a\)`, G), rx("ab", R`\(x\|\(a\)\)`, G),
  rx("ab", R`\(a\|\)\(b\|\)`, G), rx("ab", R`\(\|a\)\(a*b\)`, G), rx("aa", R`\(\|a\)\(a*\)`, G),
  rx("aa", R`\(a\|\)\(a*\)`, G), rx("b", R`\(\|a\)\(a*\)`, G), rx("ab", R`\(\)\(\)\(\)`, G),

  // -- groups in repetition
  rx("abab", R`\(a\|b\)*`, G), rx("abba", R`\(a\|b\)*`, G), rx("abab", R`\(a\|b\)+`, G), rx("ab", R`\(a\|b\)?`, G),
  rx("ab", R`\(\(a\)\|b\)*`, G), rx("ba", R`\(\(a\)\|b\)*`, G), rx("aa", R`\(a?\)*`, G), rx("a", R`\(a?\)*`, G),
  rx("aa", R`\(a*\)*`, G), rx("b", R`\(b*\)*`, G), rx("bc", R`\(b*\)*c`, G), rx("aa", R`\(a*\)+`, G),
  rx("aab", R`\(a*\)*b`, G), rx("xaa", R`x\(a*\)*`, G), rx("a", R`\(a*\)\{0,\}`, G), rx("a", R`\(a\|\)*`, G),
  rx("aa", R`\(a\|\)*`, G), rx("a", R`\(\|a\)*`, G), rx("b", R`\(\(b*\)*\)`, G), rx("b", R`\(\(b*\)+\)`, G),
  rx("b", R`\(\(b\)+\)`, G), rx("b", R`\(\(x\|b*\)+\)`, G), rx("b", R`\(\(b*\)\(b*\)*\)`, G),
  rx("ab", R`\(\(\w?\)?\)+`, G), rx("ab", R`\(\(\w?\|x\)?\)\(\(\w?\|x\)?\)*`, G), rx("abcabc", R`\(abc\)*\(a\)`, G),
  rx("aXbXc", R`\([a-c]X\)*`, G), rx("112233", R`\([0-9]\)\{2\}`, G), rx("ab ab ab", R`\(ab \)*ab`, G),
  rx("xyxyx", R`\(x\(y\)\)*x`, G), rx("aaa", R`\(\(a\)\(a\)?\)*`, G), rx("abcabd", R`\(ab\(c\|d\)\)*`, G),

  // -- anchors: ^ and $
  rx("abc", "^a"), rx("abc", "^b"), rx("abc", "c$"), rx("abc", "b$"), rx("a\nb", "^b"), rx("a\nb", "a$"),
  rx("a\nb", R`a\'`), rx("a\nb", R`\`b`), rx("ab", R`\`ab`, "[\\&]"), rx("ab", R`ab\'`, "[\\&]"),
  rx("a^b", R`a\(^b\)`, "[\\&]"), rx("b", R`\(^b\)`, "[\\&]"), rx("ab", R`a\|^b`, "[\\&]"), rx("ba", R`a\|^b`, "[\\&]"),
  rx("a$b", R`a$\|b`, "[\\&]"), rx("a", R`\(a$\)`, "[\\&]"), rx("a$", R`\(a$\)`, "[\\&]"), rx("^a", "^^a", "[\\&]"),
  rx("a$", "a$$", "[\\&]"), rx("a", R`\(^a$\)`, "[\\&]"), rx("xa\na", R`\(^a$\)`, "[\\&]"), rx("", "^$", "[\\&]"),
  rx("\n", "^$"), rx("a\n", "^$"), rx("a\n\nb", "^$"), rx("ab", "^", "[\\&]"), rx("ab", "$"), rx("ab", R`\'`),
  rx("a", R`\(a$\)\|\(a\)`, G), rx("a", R`\(a\)\|\(a\)`, G), rx("ab", R`\(a\>\)\|\(a\)`, G), rx("a b", R`\(a\>\)\|\(a\)`, G),
  rx("a", R`\(a\'\)\|\(a\)`, G), rx("a", R`\(a$\)\|\(a*$\)`, G), rx("a", R`\(a$\)\|\(a\'\)`, G),
  rx("a  \nb", R`\(\w\|^.\)+[^a]`, G), rx("a  \nb", R`\(\(\)*\)?\(\w\|^.\)+[^a]`, G), rx("a  \nb", R`\(\(\)*\)?\(^.\)+`, G),
  rx("a  \nb", R`\(^.\)*`, G), rx("a  \nb", R`\(\)?\(\w\|^.\)+`, G), rx("ab", R`\(^a\)+`, G), rx("aa", R`\(^a\)+`, G),
  ps("a\nb\nc", "^", "> "), ps("a\nb\nc", "$", "<"), ps("a\nb\nc\n", "$", "<"), ps("abc", "$", "-"),
  ps("abc", "^", "-"), ps("aaa", "^a", "-"), ps("a\na", "^a", "-"), ps("abc", R`\``, "-"), ps("abc", R`\'`, "-"),
  ps("a\nb", R`\`.`, "-"), ps("abc", "^.", "-"), ps("a.b.c", R`^\|$`, "|"), ps("  trim  ", R`^ *\| *$`),
  ps("\n\n", "^", ">"), ps("x\n", "$", "<"),

  // -- word operators
  rx("foo bar", R`\w+`, "[\\&]"), rx("foo bar", R`\bbar`, "[\\&]"), rx("foo bar", R`\sbar`, "[\\&]"),
  rx("foo bar", R`\s-bar`, "[\\&]"), rx("foo bar", R`\Sbar`), rx("foo_bar9", R`\w*`, "[\\&]"), rx("a-b", R`\W`),
  rx("ab", R`\B`, "[\\&]"), rx(" ab", R`\B`), rx("ab", R`\b`), rx("", R`\b`), rx("", R`\B`), rx(" ", R`\B`),
  rx("ab", R`\w\W*\b`, "[\\&]"), rx("a b", R`\>`), rx("a b", R`\<`), rx(" a", R`\<`), rx("ab", R`a\>`), rx("ab", R`\<b`),
  rx("x1_y", R`\<\w+\>`, "[\\&]"), rx("tab\there", R`\s`), rx("a\x0bb\x0cc\rd", R`\s\S\s`, "[\\&]"),
  ps("one two  three", R`\b`, "|"), ps("one two  three", R`\B`, "|"), ps("one two", R`\<`, "<"), ps("one two", R`\>`, ">"),
  ps("a,b;c", R`\W`, " "), ps("a,b;c", R`\w`), ps("x y", R`\s*`, "_"), ps("it's a dog's", R`\w+'s`, "[\\&]"),

  // -- bracket expressions
  rx("abc", "[bc]", "[\\&]"), rx("abc", "[^a]", "[\\&]"), rx("abc", "[^abc]"), rx("a-c", "[-]"), rx("a-c", "[a-]", "[\\&]"),
  rx("-", "[a-]"), rx("-", "[--/]"), rx("ab", "[a--]"), rx("]", "[]]", "[\\&]"), rx("]", "[^]]"), rx("a]", "[^]a]"),
  rx("a]", "[]a]*", "[\\&]"), rx("\\", R`[\]`, "[\\&]"), rx("\\n", R`[\n]*`, "[\\&]"), rx("a^", "[x^]", "[\\&]"),
  rx("^", "[^^]"), rx("a]", "[[:alpha:]]", "[\\&]"), rx("x:", "[[:alpha:]]"), rx("[", "[[]", "[\\&]"),
  rx("ab", "[[.a.]]", "[\\&]"), rx("ab", "[[.a.]-z]", "[\\&]"), rx("ab", "[[=b=]]", "[\\&]"), rx("ab", "[%--a]"),
  rx("ab", "[^-a]", "[\\&]"), rx("ab", "[b-a]"), rx("ab", "[z-a]"), rx("m", "[a-z]"), rx("M", "[a-z]"),
  rx("5", "[0-9]"), rx("x5y", "[0-9]+", "[\\&]"), rx("a.b", "[.]", "[\\&]"), rx("a*b", "[*]", "[\\&]"),
  rx("a\nb", "[^a]", "[\\&]"), rx("a\nb", "[\n]"), rx("[]", "[][]*", "[\\&]"), rx("a-z", "[z-]", "[\\&]"),
  rx("ab", "[[.-.]]"), rx("-", "[[.-.]]"), rx("a", "[[.-.]-a]"), rx(".", "[[...]]"), rx("=", "[[===]]"),
  rx("ab", "[[.].]]"), rx("]", "[[.].]]", "[\\&]"), ps("hello, world", "[aeiou]", "*"), ps("hello", "[^l]", "."),
  ps("a1b22c333", "[0-9]+", "#"), ps("a1b22c333", "[0-9]*", "#"),

  // -- back-references
  rx("aa", R`\(a\)\1`, "[\\&]"), rx("ab", R`\(a\)\1`), rx("abab", R`\(ab\)\1`, G), rx("abcabc", R`\(.*\)\1`, G),
  rx("xyzxyz", R`\(.\)\(.\)\(.\)\1\2\3`, G), rx("aaaa", R`\(a*\)\1`, G), rx("ab", R`\(\)\1`, "[\\&]"),
  rx("aab", R`\(a*\)*b\1`, R`[\&|\1]`), rx("abba", R`\(a\)\(b\)\2\1`, G), rx("aa", R`\(\(a\)\|b\)\2`, "[\\&]"),
  rx("ab", R`\(\(a\)\|b\)\2`), rx("the the", R`\(\w+\) \1`, G), rx("a b a", R`\(\w\) \w \1`, G),
  ps("aabbcc", R`\(.\)\1`, R`\1`), ps("abcabc", R`\(a\)\(.*\)\1`, R`<\2>`),

  // -- replacement texts
  rx("abc", R`\(b\)`, R`\\`), rx("abc", R`\(b\)`, R`\&\&`), rx("abc", R`\(b\)`, R`\0`), rx("abc", R`b`, R`\0\0`),
  rx("abc", R`\(b\)`, R`\1\11`), rx("abc", R`\(b\)`, R`x\yz\n\t`), rx("abc", R`b`, R`\2`), rx("abc", R`\(b\)`, "\\2\\3\\"),
  rx("abc", R`x`, "\\1\\"), rx("abc", R`x`, R`\0`), rx("abc", "", "\\1\\"), rx("abc", "", R`\&`), rx("abc", R`\(\)`, R`\1\2`),
  rx("abc", R`\(x\)*b`, R`[\1]`), rx("abc", "c", R`\\\\`), rx("abc", "c", "\\"), rx("abc", "c", "\\\\\\"),
  ps("abcb", R`\(b\)`, "\\0\\0\\2\\2\\"), ps("abc", "", R`\1`), ps("abc", "", "-"), ps("abc", "b", R`[\&\&]`),
  ps("abc", R`\(b\)`, R`\1\9`), ps("abc", "x", R`\1`),

  // -- patsubst: empty matches and advancing
  ps("abc", "x*", "-"), ps("abc", "b*", "-"), ps("abc", "a*", "-"), ps("abc", "c*", "-"), ps("abc", ".*", "-"),
  ps("", "x*", "-"), ps("", "", "-"), ps("", "a", "-"), ps("aaa", "a", ""), ps("aaa", "aa", "-"), ps("abab", "ab", "ba"),
  ps("banana", "ana", "-"), ps("banana", "a*", "-"), ps("a b  c", " *", "_"), ps("a b  c", " +", "_"), ps("xyz", R`\(\)`, "-"),
  ps("aaa", R`\(a\)\|b`, R`[\1]`), ps("abc", R`\(a\)\|\(b\)`, R`[\1\2]`), ps("abc", "b", ""), ps("abc", "b"),
  ps("a.b.c", R`\.`, R`\\.`), ps("a,b,c", ",", " "), ps("foo.bar.com", R`\.`, "_"),

  // -- m4 idioms and sendmail-style text handling
  rx("user@host.example.com", R`\([^@]*\)@\(.*\)`, R`\2!\1`), rx("8.17.1", R`\([0-9]+\)\.\([0-9]+\)`, R`\1\2`),
  rx("host.example.com", R`\.\(.*\)`, R`\1`), rx("host", R`\.\(.*\)`, R`\1`), rx("/usr/lib/sendmail", R`[^/]*$`, R`\&`),
  rx("smtp:[10.0.0.1]", R`^\([a-z]+\):\(.*\)$`, R`\1 \2`), rx("<user@domain>", R`<\(.*\)>`, R`\1`),
  rx("local:/var/mail", R`^\([^:]*\):`, R`\1`), rx("relay.example.org.", R`\.$`), rx("-oi -t", R`-o\(.\)`, R`\1`),
  ps("a b\tc", R`[ \t]+`, "_"), ps("path/to/file", "/", R`\\/`), ps("`quoted'", "['`]", ""),
  ps("FEATURE(`x') FEATURE(`y')", R`FEATURE(\([^)]*\))`, R`<\1>`), ps("dnl comment", "^dnl.*", ""),
  ps("MAILER(smtp)dnl", "dnl$"), ps("a  b   c", "  +", " "), ps("upper CASE", R`\w+`, R`_cap(\&)`),
  rx("Capitalize", R`^\(\w\)\(\w*\)`, R`\1-\2`), ps("one two", R`\w+`, R`_\&_`), ps("C:\\dir\\file", R`\\`, "/"),
  ps("x=1, y=22", R`\([a-z]\)=\([0-9]*\)`, R`\2=\1`), ps("tabs\tand  spaces", R`\s+`, " "), ps("@@", "@", "at"),

  // -- bytes beyond ASCII (latin1)
  rx("a\xe9b", "\xe9"), rx("a\xe9b", "[\xe0-\xff]", "[\\&]"), rx("\xe9", "."), rx("\xe9", R`\w`), rx("\xe9", R`\W`, "[\\&]"),
  rx("\xe9", "[^a]", "[\\&]"), rx("\xe9", "[^\xe9]"), rx("a\xe9b", "[a-\xff]+", "[\\&]"), rx("\xe9", "[\x80-\xff]"),
  rx("\xe9", "[[.\xe9.]]"), rx("\xe9", "[[=\xe9=]]"), rx("caf\xe9 au", R`\w+\>`, "[\\&]"), rx("\xe9t\xe9", R`\<t`),
  ps("\xe0\xe9\xee\xf4\xfb", "[\xe0-\xef]", "?"), ps("\xff\xfe", ".", R`<\&>`), rx("\xa0x", R`\s`),

  // -- NUL ends every argument
  rx("a\0b", "b"), rx("a\0b", "a"), rx("ab", "a\0b"), rx("ab", "a\0"), ps("a\0b", "a", "x"), ps("ab", "a", "x\0y"),
  rx("ab", R`\(a\)`, "x\0\\1"),

  // -- missing arguments
  rx("abc", "b"), rx("abc", "b", ""), ps("abc", "b"), ps("abc", R`\(`), rx("abc", R`\(`),

  // -- every compile error, in both builtins
  rx("ab", R`a$\)`), rx("ab", R`\(`), rx("ab", "["), rx("ab", "\\"), rx("ab", R`\1`), rx("aa", R`\(a\)\2`),
  rx("ab", R`\(a\1\)`), rx("ab", R`\(a\)\|b\1`), rx("ab", R`\(\)\2`), rx("ab", "[a"), rx("ab", "[^"), rx("ab", "[]"),
  rx("ab", "[^]"), rx("ab", "[[:"), rx("ab", "[[="), rx("ab", "[[."), rx("ab", "[[=a"), rx("ab", "[[.a"),
  rx("ab", "[[=a="), rx("ab", "[[=ab=]]"), rx("ab", "[[..]]"), rx("ab", "[[.aa.]-z]"), rx("ab", "[[==]]"),
  rx("ab", "[a-c-e]"), rx("ab", "[[=a=]-z]"), rx("ab", "[a-[=z=]]"), rx("ab", "[a-"), rx("ab", "[a-]b"),
  rx("ab", "[[.0123456789012345678901234567890.]]"), rx("ab", "[[.01234567890123456789012345678901.]]"),
  rx("ab", R`a\)`), rx("ab", R`\)`), rx("ab", R`\(\(a\)`), rx("ab", R`a\|\)`), rx("ab", R`\(a\|\)\)`),
  rx("ab", "a["), rx("ab", "a\\"), rx("ab", "\\(a\\"), rx("ab", "[a\\"), rx("ab", R`\(a`), rx("ab", "a\n\\"),
  rx("ab", R`\([`, "x"), rx("ab", R`\(a\)\|\1`, "x"), ps("abc", R`\(`, "-"), ps("abc", "[", "-"), ps("abc", "\\", "-"),
  ps("abc", R`\)`, "-"), ps("abc", R`\2\(a\)`, "-"), ps("abc", "[b-a-c]", "-"), ps("abc", "[[.xy.]]", "-"),
  ps("abc", "[[=", "-"), ps("abc", "[^", "-"),
];

// Several subjects through the same patterns.
handCases.push(
  ...each(rx, R`\(a\|ab\)\(c\|bcd\)\(d*\)`, G, ["abcd", "abc", "acd", "abd", "xabcdx"]),
  ...each(rx, R`\(\w+\)@\(\w+\)\.\(\w+\)`, G, ["me@host.org", "a@b.c d@e.f", "no at sign", "@x.y"]),
  ...each(ps, R`\<\(\w\)\(\w*\)`, R`\2\1ay`, ["pig latin text", "a", "", "x-y z"]),
  ...each(rx, R`^\(.*\)\(\.\|,\)$`, G, ["end.", "end,", "end", "a.b,", "\n."]),
  ...each(ps, R`[ab]*\|c`, "<\\&>", ["abcab", "cc", "xaby", ""]),
);

/** mulberry32 - a small seeded PRNG, so the generated cases are the same every run */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** generatedCases - random well-formed patterns (no back-references) on random short texts */
function generatedCases(count: number): Case[] {
  const rnd = mulberry32(1419);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const atoms = ["a", "b", "a", "b", ".", "[ab]", "[^a]", R`\w`, R`\W`, " ", R`\s`, "\xe9"];
  const anchors = ["^", "$", R`\b`, R`\B`, R`\<`, R`\>`, R`\``, R`\'`];
  const gen = (depth: number, groups: { n: number }): string => {
    const r = rnd();
    if (depth > 3 || r < 0.3) {
      if (rnd() < 0.15) return pick(anchors);
      return pick(atoms) + (rnd() < 0.35 ? pick(["*", "+", "?", "*", "**"]) : "");
    }
    if (r < 0.55) {
      let s = "";
      for (let k = 2 + Math.floor(rnd() * 3); k > 0; k--) s += gen(depth + 1, groups);
      return s;
    }
    if (r < 0.7) {
      const parts: string[] = [];
      for (let k = 2 + Math.floor(rnd() * 2); k > 0; k--) parts.push(rnd() < 0.1 ? "" : gen(depth + 1, groups));
      return parts.join(R`\|`);
    }
    groups.n++;
    const body = rnd() < 0.08 ? "" : gen(depth + 1, groups);
    return R`\(` + body + R`\)` + (rnd() < 0.5 ? pick(["*", "+", "?", "*"]) : "");
  };
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const groups = { n: 0 };
    const pattern = gen(0, groups);
    let s = "";
    for (let k = Math.floor(rnd() * 9); k > 0; k--) s += pick(["a", "b", "a", "b", " ", "\n", "\xe9"]);
    const refs = [1, 2, 3, 4].filter((n) => n <= groups.n).map((n) => "|\\" + n).join("");
    const repl = "[\\&" + refs + "]";
    const r = rnd();
    out.push(r < 0.5 ? rx(s, pattern, repl) : r < 0.8 ? ps(s, pattern, repl) : rx(s, pattern));
  }
  return out;
}

const cases: Case[] = [...handCases, ...generatedCases(450)];

/** callText - the m4 -P source text of a case */
function callText(c: Case): string {
  return m4Call(`m4_${c.fn}`, c.args);
}

/** title - readable test name for a case */
function title(c: Case, i: number): string {
  const shown = callText(c).slice(3).replaceAll(LQ, "`").replaceAll(RQ, "'");
  return `#${i} ${JSON.stringify(shown).slice(1, -1)}`;
}

/** m4 - run GNU m4 -P on some input (bytes as a latin1 string) */
function m4(input: string): { out: string; err: string; status: number | null } {
  return runM4(input, { args: ["-P"], timeout: 60_000 });
}

/** diagTexts - diagnostic texts in a stretch of m4's stderr, minus the argument-count warnings our caller owns */
function diagTexts(err: string): string[] {
  return allDiagTexts(err).filter((t) => !t.startsWith("Warning: too few arguments to builtin"));
}

const PRELUDE = `m4_changequote(${LQ},${RQ})m4_changecom()m4_dnl\n`;

/** oracleBatch - results of some cases from one m4 run, or null if m4 died or hung */
function oracleBatch(batch: Case[]): Result[] | null {
  let input = PRELUDE;
  batch.forEach((c, i) => {
    input += `${errMarker(i, "m4_errprint")}${callText(c)}${SEP}`;
  });
  const r = m4(input);
  const outs = r.out.split(SEP);
  if (r.status === null || outs.length !== batch.length + 1) return null;
  const errs = splitErr(r.err);
  return batch.map((_, i) => ({ out: outs[i], diags: diagTexts(errs[i]) }));
}

/**
 * oracle - results of all cases; a case on which m4 itself crashes (1.4.19
 * dies with "memory exhausted" on some group spans) is isolated by bisection
 * and gets null.
 */
function oracle(batch: Case[]): (Result | null)[] {
  const whole = oracleBatch(batch);
  if (whole !== null) return whole;
  if (batch.length === 1) return [null];
  const half = batch.length >> 1;
  return [...oracle(batch.slice(0, half)), ...oracle(batch.slice(half))];
}

/** Kinds of diagnostics our builtins reported, per case. */
type Kinded = { out: string; diags: string[]; kinds: Array<"warn" | "error"> };

/** ours - run all cases in order through our builtins with one shared Diag (one m4 run) */
function ours(list: Case[]): Kinded[] {
  let sink: Kinded = { out: "", diags: [], kinds: [] };
  const diag: Diag = {
    warn: (text) => {
      sink.diags.push(text);
      sink.kinds.push("warn");
    },
    error: (text) => {
      sink.diags.push(text);
      sink.kinds.push("error");
    },
  };
  return list.map((c) => {
    sink = { out: "", diags: [], kinds: [] };
    const args = [c.fn, ...c.args];
    sink.out = c.fn === "regexp" ? regexpBuiltin(args, diag) : patsubstBuiltin(args, diag);
    return sink;
  });
}

skipNotice("regex_unit_test", "the GNU m4 comparison suite");

describe.skipIf(!HAVE_M4)("regexp and patsubst against GNU m4 1.4.19", () => {
  let expected: (Result | null)[] = [];
  let actual: Kinded[] = [];

  beforeAll(() => {
    for (const c of cases) {
      for (const a of c.args) expect(/[\x01-\x03]|m4_/.test(a), `case text ${JSON.stringify(a)}`).toBe(false);
    }
    expected = oracle(cases);
    actual = ours(cases);
    const crashed = expected.flatMap((e, i) => (e === null ? [title(cases[i], i)] : []));
    if (crashed.length > 0) console.log(`regex_unit_test: GNU m4 itself crashes on ${crashed.length} case(s), not compared:\n  ${crashed.join("\n  ")}`);
  });

  it("has several hundred cases", () => {
    expect(cases.length).toBeGreaterThan(700);
  });

  it.each(cases.map((c, i) => [title(c, i), i] as const))("%s", (_name, i) => {
    const want = expected[i];
    if (want === null) return;
    const got = actual[i];
    expect({ out: got.out, diags: got.diags }).toEqual(want);
  });

  // One representative per kind of diagnostic: GNU's exit status says
  // whether it is a warning (status unchanged) or an error (status 1).
  const kinds: Case[] = [
    rx("ab", R`\(`),
    ps("ab", "[", "x"),
    rx("ab", R`a\)`),
    rx("ab", "\\"),
    rx("ab", R`\1`),
    rx("ab", "[a"),
    rx("ab", "[[=ab=]]"),
    rx("ab", "[a-c-e]"),
    rx("abc", "b", R`\1`),
    rx("abc", "b", "x\\"),
    rx("abc", "b", R`\0`),
  ];
  it.each(kinds.map((c, i) => [title(c, i), c] as const))("diagnostic kind of %s", (_name, c) => {
    const r = m4(PRELUDE + callText(c) + "\n");
    expect(diagTexts(r.err).length).toBeGreaterThan(0);
    const [mine] = ours([c]);
    expect(mine.kinds.length).toBeGreaterThan(0);
    const anyError = mine.kinds.includes("error");
    expect(anyError ? 1 : 0).toBe(r.status);
  });
});
