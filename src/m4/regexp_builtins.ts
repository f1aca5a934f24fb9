/*
 * regexp_builtins - GNU m4's regexp and patsubst builtins
 *
 * Both take (STRING, REGEXP, [REPLACEMENT]); args[0] is the macro name and
 * the caller has already checked the argument count (a missing argument is
 * treated as empty, as GNU does after its "too few arguments" warning). Like
 * GNU, every argument ends at its first NUL byte. In a replacement, \& (and
 * the deprecated \0) is the whole match, \1-\9 a group, \X any other X.
 */

import type { Diag } from "./diag.js";
import { compileRegex, searchRegex, type RegexMatch } from "./regex.js";

/** Runs (Diag sinks) that already had GNU's one-time "\0" warning. */
const zeroWarned = new WeakSet<Diag>();

/** cString - an argument as GNU sees it: cut at the first NUL */
function cString(s: string | undefined): string {
  if (s === undefined) return "";
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
}

/** substitute - expand a replacement for one match (GNU's substitute()) */
function substitute(victim: string, repl: string, m: RegexMatch, nsub: number, diag: Diag): string {
  let out = "";
  let i = 0;
  for (;;) {
    const bs = repl.indexOf("\\", i);
    if (bs < 0) break;
    out += repl.slice(i, bs);
    if (bs + 1 >= repl.length) {
      diag.warn("Warning: trailing \\ ignored in replacement");
      return out;
    }
    const ch = repl[bs + 1];
    i = bs + 2;
    if (ch === "0" || ch === "&") {
      if (ch === "0" && !zeroWarned.has(diag)) {
        zeroWarned.add(diag);
        diag.warn("Warning: \\0 will disappear, use \\& instead in replacements");
      }
      out += victim.slice(m.start, m.end);
    } else if (ch >= "1" && ch <= "9") {
      const n = ch.charCodeAt(0) - 48;
      if (n > nsub) diag.warn(`Warning: sub-expression ${n} not present`);
      else {
        const [so, eo] = m.groups[n - 1];
        if (eo > 0) out += victim.slice(so, eo);
      }
    } else {
      out += ch;
    }
  }
  return out + repl.slice(i);
}

/** regexpBuiltin - regexp(STRING, REGEXP, [REPLACEMENT]): match index, or the expanded replacement */
export function regexpBuiltin(args: readonly string[], diag: Diag): string {
  const victim = cString(args[1]);
  const pattern = cString(args[2]);
  const c = compileRegex(pattern);
  if (!c.ok) {
    diag.warn(`bad regular expression: \`${pattern}': ${c.error}`);
    return "";
  }
  if (args.length < 4) {
    const m = searchRegex(c.re, victim, 0, false);
    return String(m === null ? -1 : m.start);
  }
  const m = searchRegex(c.re, victim, 0, true);
  return m === null ? "" : substitute(victim, cString(args[3]), m, c.re.nsub, diag);
}

/** patsubstBuiltin - patsubst(STRING, REGEXP, [REPLACEMENT]): replace every match */
export function patsubstBuiltin(args: readonly string[], diag: Diag): string {
  const pattern = cString(args[2]);
  const c = compileRegex(pattern);
  if (!c.ok) {
    diag.warn(`bad regular expression \`${pattern}': ${c.error}`);
    return "";
  }
  const victim = cString(args[1]);
  const repl = cString(args[3]);
  const len = victim.length;
  let out = "";
  let offset = 0;
  while (offset <= len) {
    const m = searchRegex(c.re, victim, offset, true);
    if (m === null) {
      out += victim.slice(offset);
      break;
    }
    out += victim.slice(offset, m.start);
    out += substitute(victim, repl, m, c.re.nsub, diag);
    // After an empty match, copy one byte and move past it (no infinite loop).
    offset = m.end;
    if (m.start === m.end) {
      out += victim.slice(offset, offset + 1);
      offset++;
    }
  }
  return out;
}
