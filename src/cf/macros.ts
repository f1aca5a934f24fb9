/*
 * macros - sendmail's macro machinery as used while reading the cf file:
 * macro ids (macid_parse), the macro table, expand() with $?x $| $.
 * conditionals, translate_dollars() (the "$x" -> internal form pass every cf
 * line goes through, including '#' comment removal), munchstring() and
 * extrquotstr().
 */

import {
  CONDELSE,
  CONDFI,
  CONDIF,
  FIRST_LONG_MACRO_ID,
  isAlnum,
  isSpace,
  MACROEXPAND,
  MATCHREPL,
  MAX_MACRO_ID,
  META_MACROS,
  METAQUOTE,
} from "./chars.js";
import type { Diagnostics } from "./diag.js";

/** Maximum length of a long macro name (MAXMACNAMELEN). */
export const MAXMACNAMELEN = 25;
/** MaxMacroRecursion default. */
const MAX_MACRO_RECURSION = 10;

/** Assigns ids to long macro/class names, like sendmail's NextMacroId. */
export class MacroIds {
  readonly byName = new Map<string, number>();
  readonly names: (string | undefined)[] = new Array(256);
  private next = FIRST_LONG_MACRO_ID;

  constructor() {
    // sendmail binds "opMode" before anything else (MACBINDING)
    this.longId("opMode");
  }

  /** Id of a long name, allocated on first use; -1 if the table is full. */
  longId(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    if (this.next > MAX_MACRO_ID) return -1;
    const id = this.next++;
    this.byName.set(name, id);
    this.names[id] = name;
    return id;
  }

  /** Id for a name as accepted by macid(): one char, or a long name. */
  idOf(name: string): number {
    if (name.length === 1) return name.charCodeAt(0);
    return this.longId(name);
  }

  /** sendmail's macname(): the printable name of an id. */
  nameOf(id: number): string {
    if (id > MAX_MACRO_ID) return "***OUT OF RANGE MACRO***";
    if (id <= 0x20 || id > 0x7f) return this.names[id] ?? "***UNDEFINED MACRO***";
    return String.fromCharCode(id);
  }

  /** Name used as a map key: one char, or the long name. */
  keyOf(id: number): string {
    if (id <= 0x20 || id > 0x7f) return this.names[id] ?? String.fromCharCode(id);
    return String.fromCharCode(id);
  }
}

/**
 * macid_parse(): parse a macro/class name at s[pos] ("x" or "{name}").
 * Returns the id (0 on error, after reporting it) and the index after the name.
 */
export function macidParse(
  s: string,
  pos: number,
  ids: MacroIds,
  diag: Diagnostics | null,
): { id: number; end: number } {
  const c0 = pos < s.length ? s.charCodeAt(pos) : 0;
  if (c0 === 0 || (c0 === 0x7b && s.charCodeAt(pos + 1) === 0x7d)) {
    diag?.syserr("Name required for macro/class");
    return { id: 0, end: pos };
  }
  if (c0 !== 0x7b) return { id: c0, end: pos + 1 };
  let mbuf = "";
  let p = pos;
  for (;;) {
    p++;
    const c = p < s.length ? s.charCodeAt(p) : 0;
    if (c === 0 || c === 0x7d || mbuf.length >= MAXMACNAMELEN) break;
    if (c < 0x80 && (isAlnum(c) || c === 0x5f)) mbuf += s[p];
    else diag?.syserr(`Invalid macro/class character ${s[p]}`);
  }
  const c = p < s.length ? s.charCodeAt(p) : 0;
  let mid = -1;
  if (c === 0) {
    diag?.syserr(`Unbalanced { on ${mbuf}`);
  } else if (c !== 0x7d) {
    diag?.syserr(`Macro/class name ({${mbuf}}) too long (${MAXMACNAMELEN} chars max)`);
  } else if (mbuf.length === 1 && mbuf.charCodeAt(0) >= 0x20) {
    mid = mbuf.charCodeAt(0);
    p++;
  } else {
    mid = ids.longId(mbuf);
    if (mid < 0) {
      diag?.syserr(`Macro/class {${mbuf}}: too many long names`);
    }
    p++;
  }
  if (mid < 0 || mid > MAX_MACRO_ID) {
    diag?.syserr(`Unable to assign macro/class ID (mid = 0x${(mid >>> 0).toString(16)})`);
    return { id: 0, end: p };
  }
  return { id: mid, end: p };
}

/** The macro table (values in internal form, indexed by id). */
export class MacroTable {
  readonly values: (string | undefined)[] = new Array(256);

  /** initmacros(): meta macros ($* ...), $0..$9 and $n. */
  static initial(): MacroTable {
    const t = new MacroTable();
    for (const [name, val] of META_MACROS) t.values[name.charCodeAt(0)] = String.fromCharCode(val);
    for (let c = 0x30; c <= 0x39; c++) t.values[c] = String.fromCharCode(MATCHREPL, c);
    t.values[0x6e] = "MAILER-DAEMON";
    return t;
  }

  get(id: number): string | undefined {
    return this.values[id & 0xff];
  }

  set(id: number, value: string | undefined): void {
    if (id < 0 || id > MAX_MACRO_ID) return;
    this.values[id] = value;
  }
}

/**
 * expand(): interpolate $x macros and $?x $| $. conditionals.
 * bufsize is the size of the caller's buffer (the result is cut to bufsize-1).
 */
export function expand(s: string, macros: MacroTable, diag: Diagnostics | null, bufsize = 2048): string {
  return doexpand(s, macros, diag, 0, bufsize);
}

const MACBUFSIZE = 4096;

/** Octets doexpand() treats specially. */
function isExpandSpecial(c: number): boolean {
  return c === MACROEXPAND || c === CONDIF || c === CONDELSE || c === CONDFI || c === METAQUOTE;
}

function doexpand(s: string, macros: MacroTable, diag: Diagnostics | null, explevel: number, bufsize: number): string {
  // fast path: nothing to interpolate
  let k = 0;
  while (k < s.length && !isExpandSpecial(s.charCodeAt(k))) k++;
  if (k === s.length) return s.length > bufsize - 1 ? s.slice(0, bufsize - 1) : s;
  let out = "";
  let recurse = false;
  let skipping = false;
  let skiplev = 0;
  let iflev = 0;
  let quotenext = false;
  const limit = MACBUFSIZE - 1;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    let q: string | undefined;
    if (quotenext) {
      quotenext = false;
    } else {
      let handled = false;
      switch (c) {
        case CONDIF: {
          iflev++;
          i++;
          c = i < n ? s.charCodeAt(i) : 0;
          if (skipping) skiplev++;
          else {
            const mv = macros.get(c);
            skipping = mv === undefined || mv.length === 0;
          }
          handled = true;
          break;
        }
        case CONDELSE:
          if (iflev === 0) break;
          if (skiplev === 0) skipping = !skipping;
          handled = true;
          break;
        case CONDFI:
          if (iflev === 0) break;
          iflev--;
          if (skiplev === 0) skipping = false;
          if (skipping) skiplev--;
          handled = true;
          break;
        case MACROEXPAND: {
          i++;
          const id = i < n ? s.charCodeAt(i) : 0;
          if (id !== 0) q = macros.get(id);
          else {
            i--;
            q = undefined;
          }
          if (q === undefined) handled = true;
          break;
        }
        case METAQUOTE:
          quotenext = true;
          break;
      }
      if (handled) continue;
    }
    if (skipping || out.length >= limit) continue;
    if (q === undefined) {
      // copy a run of ordinary octets at once
      let j = i + 1;
      if (!quotenext) while (j < n && !isExpandSpecial(s.charCodeAt(j))) j++;
      if (j - i > 1) {
        const run = s.slice(i, Math.min(j, i + (limit - out.length)));
        out += run;
        i = j - 1;
      } else out += String.fromCharCode(c);
    } else {
      let hide = false;
      for (let j = 0; j < q.length && out.length < limit; j++) {
        const qc = q.charCodeAt(j);
        if (!hide && (qc & 0xe0) === 0x80) recurse = true;
        hide = qc === METAQUOTE;
      }
      out += q.length + out.length > limit ? q.slice(0, limit - out.length) : q;
    }
  }
  if (recurse) {
    if (explevel < MAX_MACRO_RECURSION) return doexpand(out, macros, diag, explevel + 1, bufsize);
    diag?.syserr(`expand: recursion too deep (${MAX_MACRO_RECURSION} max)`);
  }
  if (out.length > bufsize - 1) out = out.slice(0, bufsize - 1);
  return out;
}

/** SM_MM_QUOTE(): octets quote_internal_chars() prefixes with METAQUOTE. */
function needsQuote(c: number): boolean {
  return c === METAQUOTE || (c & 0xe0) === 0x80;
}

/** quote_internal_chars(): put METAQUOTE before octets 0200..0237 and 0377. */
export function quoteInternalChars(s: string): string {
  let i = 0;
  for (; i < s.length; i++) if (needsQuote(s.charCodeAt(i))) break;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (needsQuote(c)) out += "\xff";
    out += s[i];
  }
  return out;
}

/**
 * translate_dollars(): turn "$x" into internal form, "$$" into "$", drop
 * '#' comments (config level >= 3; "\#" is a literal '#'), strip trailing
 * white space. A failed macro name truncates the line like sendmail's NUL.
 */
export function translateDollars(
  line: string,
  configLevel: number,
  ids: MacroIds,
  diag: Diagnostics | null,
): string {
  const s = quoteInternalChars(line);
  // fast path: nothing to translate
  if (s.indexOf("$") < 0 && (configLevel < 3 || s.indexOf("#", 1) < 0)) {
    return stripTrailingSpace(s);
  }
  let out = "";
  const n = s.length;
  const comments = configLevel >= 3;
  let i = 0;
  while (i < n) {
    // copy a run of ordinary octets
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c === 0x24 || (c === 0x23 && comments)) break;
      j++;
    }
    if (j > i) {
      out += s.slice(i, j);
      i = j;
      if (i >= n) break;
    }
    const c = s.charCodeAt(i);
    if (c === 0x23) {
      if (out.length === 0) {
        out += "#";
        i++;
        continue;
      }
      const prev = out.charCodeAt(out.length - 1);
      if (prev === MACROEXPAND) {
        out += "#";
        i++;
        continue;
      }
      if (prev === 0x5c) {
        out = out.slice(0, -1) + "#";
        i++;
        continue;
      }
      // delete the comment and the white space before it
      let k = out.length - 1;
      while (k > 0 && out.charCodeAt(k) !== 0x0a && isSpace(out.charCodeAt(k))) k--;
      out = out.slice(0, k + 1);
      const nl = s.indexOf("\n", i);
      if (nl < 0) break;
      out += "\n";
      i = nl + 1;
      continue;
    }
    // '$'
    if (i + 1 >= n) {
      out += "$";
      i++;
      continue;
    }
    if (s.charCodeAt(i + 1) === 0x24) {
      out += "$";
      i += 2;
      continue;
    }
    out += "\x81";
    i++;
    const m = s.charCodeAt(i);
    if (m === 0x3d || m === 0x7e || m === 0x26 || m === 0x3f) {
      out += s[i];
      i++;
    }
    const r = macidParse(s, i, ids, diag);
    out += String.fromCharCode(r.id);
    i = Math.max(r.end, i + 1);
  }
  const nul = out.indexOf("\0");
  const result = stripTrailingSpace(out);
  return nul >= 0 && nul < result.length ? result.slice(0, nul) : result;
}

function stripTrailingSpace(s: string): string {
  let end = s.length;
  while (end > 1 && isSpace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * munchstring(): backslash escapes (\n \r \f \b, \x -> x) and double
 * quotes (removed; protect the delimiter). Returns the munched text and the
 * index of the delimiter (or the end).
 */
export function munchString(s: string, pos: number, delim: number): { value: string; end: number } {
  let out = "";
  let backslash = false;
  let quotemode = false;
  let p = pos;
  const MAXLINE = 2048;
  for (; p < s.length && out.length < MAXLINE - 1; p++) {
    const c = s.charCodeAt(p);
    if (backslash) {
      backslash = false;
      switch (c) {
        case 0x72:
          out += "\r";
          continue;
        case 0x6e:
          out += "\n";
          continue;
        case 0x66:
          out += "\f";
          continue;
        case 0x62:
          out += "\b";
          continue;
      }
      out += s[p];
    } else if (c === 0x5c) {
      backslash = true;
    } else if (c === 0x22) {
      quotemode = !quotemode;
    } else if (quotemode || c !== delim) {
      out += s[p];
    } else {
      break;
    }
  }
  return { value: out, end: p };
}

/**
 * extrquotstr(): extract a possibly quoted string up to a delimiter.
 * ok is false if a quote or backslash is left open.
 */
export function extrQuotStr(s: string, pos: number, delims: string): { value: string; end: number; ok: boolean } {
  let out = "";
  let backslash = false;
  let quotemode = false;
  let p = pos;
  for (; p < s.length && out.length < 2047; p++) {
    const c = s.charCodeAt(p);
    if (backslash) {
      backslash = false;
      if (c !== 0x20) out += "\\";
    }
    if (c === 0x5c) backslash = true;
    else if (c === 0x22) quotemode = !quotemode;
    else if (quotemode || !delims.includes(s[p]!)) out += s[p];
    else break;
  }
  return { value: out, end: p, ok: !(quotemode || backslash) };
}
