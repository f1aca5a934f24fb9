/*
 * builtins/text - builtins that compute on strings and numbers:
 * len, index, substr, translit, incr, decr, eval, format, regexp, patsubst
 */

import type { Interp } from "../interp.js";
import type { Arg, BuiltinDef } from "../symtab.js";
import { evalBuiltin } from "../eval.js";
import { formatBuiltin } from "../format.js";
import { patsubstBuiltin, regexpBuiltin } from "../regexp_builtins.js";
import { builtin, texts } from "./table.js";

/** expandRanges - "a-d" becomes "abcd" (backwards too); a dash at either end is literal */
export function expandRanges(s: string): string {
  if (s.indexOf("-") === -1) return s;
  const out: string[] = [];
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 /* - */ && prev !== -1) {
      if (i + 1 >= s.length) {
        out.push("-");
        break;
      }
      const to = s.charCodeAt(++i);
      if (prev <= to) for (let k = prev + 1; k <= to; k++) out.push(String.fromCharCode(k));
      else for (let k = prev - 1; k >= to; k--) out.push(String.fromCharCode(k));
      prev = to;
    } else {
      out.push(s[i]!);
      prev = c;
    }
  }
  return out.join("");
}

/** translit - map characters of FROM to those of TO, deleting those without a partner */
function translit(_m4: Interp, argv: Arg[]): string {
  const from = expandRanges(argv[2]!.text);
  const to = argv.length > 3 ? expandRanges(argv[3]!.text) : "";
  const map = new Map<string, string>();
  for (let i = 0; i < from.length; i++) {
    const c = from[i]!;
    if (!map.has(c)) map.set(c, i < to.length ? to[i]! : "");
  }
  const src = argv[1]!.text;
  let out = "";
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const r = map.get(c);
    out += r === undefined ? c : r;
  }
  return out;
}

/** substr - the substring at FROM of LENGTH (to the end by default) */
function substr(m4: Interp, argv: Arg[]): string {
  const name = argv[0]!.text;
  const s = argv[1]!.text;
  const start = m4.numericArg(name, argv[2]!.text);
  if (start === undefined) return "";
  let length = s.length;
  if (argv.length > 3) {
    const l = m4.numericArg(name, argv[3]!.text);
    if (l === undefined) return "";
    length = l;
  }
  if (start < 0 || length <= 0 || start >= s.length) return "";
  return s.substr(start, length);
}

/** step - incr / decr with 32-bit wraparound */
function step(m4: Interp, argv: Arg[], by: number): string {
  const v = m4.numericArg(argv[0]!.text, argv[1]!.text);
  return v === undefined ? "" : String((v + by) | 0);
}

/** The builtins of this family. */
export const textBuiltins: BuiltinDef[] = [
  builtin("len", 2, 2, { blind: true }, (_m4, argv) => String(argv[1]!.text.length)),
  builtin("index", 3, 3, { blind: true, tooFew: (_m4, argv) => (argv.length === 2 ? "0" : "") }, (_m4, argv) =>
    String(argv[1]!.text.indexOf(argv[2]!.text)),
  ),
  builtin("substr", 3, 4, { blind: true, tooFew: (_m4, argv) => (argv.length === 2 ? argv[1]!.text : "") }, substr),
  builtin("translit", 3, 4, { blind: true, tooFew: (_m4, argv) => (argv.length === 2 ? argv[1]!.text : "") }, translit),
  builtin("incr", 2, 2, { blind: true }, (m4, argv) => step(m4, argv, 1)),
  builtin("decr", 2, 2, { blind: true }, (m4, argv) => step(m4, argv, -1)),
  builtin("eval", 2, 4, { blind: true }, (m4, argv) => evalBuiltin(texts(argv), m4.diag)),
  builtin("format", 2, -1, { blind: true, gnu: true }, (m4, argv) => formatBuiltin(texts(argv), m4.diag)),
  builtin("regexp", 3, 4, { blind: true, gnu: true, tooFew: (_m4, argv) => (argv.length === 2 ? "0" : "") }, (m4, argv) => regexpBuiltin(texts(argv), m4.diag)),
  builtin("patsubst", 3, 4, { blind: true, gnu: true, tooFew: (_m4, argv) => (argv.length === 2 ? argv[1]!.text : "") }, (m4, argv) => patsubstBuiltin(texts(argv), m4.diag)),
];
