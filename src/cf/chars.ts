/*
 * chars - sendmail's internal character codes and C ctype helpers.
 *
 * Every string handled by the cf loader is a "byte string": a JavaScript
 * string whose char codes are 0..255, one per byte of the configuration file
 * (files are decoded as latin1). Sendmail marks meta symbols with the octets
 * 0201..0236 and 0377; they keep those codes here, so a rule token is the
 * same sequence of octets sendmail keeps in memory.
 */

/** $x: macro expansion at read time (followed by the macro id). */
export const MACROEXPAND = 0x81;
/** $&x: deferred macro expansion (followed by the macro id). */
export const MACRODEXPAND = 0x82;
/** $( generalized map lookup begin. */
export const LOOKUPBEGIN = 0x85;
/** $) generalized map lookup end. */
export const LOOKUPEND = 0x86;
/** $* match zero or more tokens. */
export const MATCHZANY = 0x90;
/** $+ match one or more tokens. */
export const MATCHANY = 0x91;
/** $- match exactly one token. */
export const MATCHONE = 0x92;
/** $=X match a phrase in class X (followed by the class id). */
export const MATCHCLASS = 0x93;
/** $~X match a word not in class X (followed by the class id). */
export const MATCHNCLASS = 0x94;
/** $1..$9 replacement (followed by the digit). */
export const MATCHREPL = 0x95;
/** $# canonical net (mailer). */
export const CANONNET = 0x96;
/** $@ canonical host; on the LHS: match zero tokens. */
export const CANONHOST = 0x97;
/** $: canonical user. */
export const CANONUSER = 0x98;
/** $> call a ruleset. */
export const CALLSUBR = 0x99;
/** $? conditional if. */
export const CONDIF = 0x9a;
/** $| conditional else; as a token the ubiquitous "$|" separator. */
export const CONDELSE = 0x9b;
/** $. conditional fi. */
export const CONDFI = 0x9c;
/** $[ host name canonification begin. */
export const HOSTBEGIN = 0x9d;
/** $] host name canonification end. */
export const HOSTEND = 0x9e;
/** Quotes the next octet (used for 8-bit input octets 0200..0237 and 0377). */
export const METAQUOTE = 0xff;

/** First id handed out for long ({name}) macro and class names. */
export const FIRST_LONG_MACRO_ID = 0xa0;
/** Largest macro id. */
export const MAX_MACRO_ID = 0xff;

/** The meta macros of initmacros(): "$*" expands to MATCHZANY etc. (in MetaMacros order). */
export const META_MACROS: ReadonlyArray<readonly [string, number]> = [
  ["*", MATCHZANY],
  ["+", MATCHANY],
  ["-", MATCHONE],
  ["=", MATCHCLASS],
  ["~", MATCHNCLASS],
  ["#", CANONNET],
  ["@", CANONHOST],
  [":", CANONUSER],
  [">", CALLSUBR],
  ["?", CONDIF],
  ["|", CONDELSE],
  [".", CONDFI],
  ["[", HOSTBEGIN],
  ["]", HOSTEND],
  ["(", LOOKUPBEGIN],
  [")", LOOKUPEND],
  ["&", MACRODEXPAND],
];

/** C isspace() in the "C" locale. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** C isdigit(). */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** C isalpha() (ASCII only). */
export function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** C isalnum() (ASCII only). */
export function isAlnum(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}

/** C isupper(). */
export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** C isprint(). */
export function isPrint(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

/** C ispunct(). */
export function isPunct(c: number): boolean {
  return isPrint(c) && c !== 0x20 && !isAlnum(c);
}

/** C isgraph(). */
export function isGraph(c: number): boolean {
  return c > 0x20 && c <= 0x7e;
}

/** C atoi()/atol(): optional blanks and sign, then digits; 0 if none. */
export function atoi(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const sign = s.charCodeAt(i);
  if (sign === 0x2d || sign === 0x2b) {
    neg = sign === 0x2d;
    i++;
  }
  let n = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) break;
    n = n * 10 + (c - 0x30);
    i++;
  }
  return neg ? -n : n;
}

/** sendmail's atooct(): octal digits from the start of the string. */
export function atooct(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x37) break;
    n = n * 8 + (c - 0x30);
  }
  return n;
}

/**
 * C strtol(s, &end, base) for bases 10 and 0 (auto: 0x.. hex, 0.. octal).
 * Returns the value and the index just after the digits (start if none).
 */
export function strtol(s: string, start: number, base: 0 | 10): { value: number; end: number } {
  let i = start;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const sign = s.charCodeAt(i);
  if (sign === 0x2d || sign === 0x2b) {
    neg = sign === 0x2d;
    i++;
  }
  let b: number = base;
  if (b === 0) {
    if (s.charCodeAt(i) === 0x30 && (s.charCodeAt(i + 1) | 0x20) === 0x78 && isHex(s.charCodeAt(i + 2))) {
      b = 16;
      i += 2;
    } else if (s.charCodeAt(i) === 0x30) {
      b = 8;
    } else {
      b = 10;
    }
  }
  const digitsStart = i;
  let n = 0;
  while (i < s.length) {
    const d = digitValue(s.charCodeAt(i));
    if (d < 0 || d >= b) break;
    n = n * b + d;
    i++;
  }
  if (i === digitsStart) return { value: 0, end: start };
  return { value: neg ? -n : n, end: i };
}

function isHex(c: number): boolean {
  return digitValue(c) >= 0 && digitValue(c) < 16;
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x7a) return l - 0x61 + 10;
  return -1;
}

/** sendmail's atobool(): empty, t, T, y, Y are true; anything else false. */
export function atobool(s: string | null | undefined): boolean {
  if (s === null || s === undefined || s.length === 0) return true;
  return "tTyY".includes(s[0]!);
}

/** ASCII case folding as done by sm_strcasecmp(). */
export function lowerAscii(s: string): string {
  // fast path: most strings are already lower case
  for (let i = 0; i < s.length; i++) {
    if (isUpper(s.charCodeAt(i))) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s;
}
