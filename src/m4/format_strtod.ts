/*
 * format_strtod - C's strtol (base 10) and glibc's strtod, for format's arguments
 *
 * Both report where the number ended (0 when nothing was converted: C then
 * points back at the start, whitespace and sign included) and whether errno
 * would be ERANGE. strtod must round exactly like glibc: decimal text goes
 * through Number(), which is correctly rounded; hex floats are rounded here
 * with BigInt. ERANGE follows glibc: overflow to infinity, or a result that is
 * tiny (below DBL_MIN after rounding to 53 bits with unbounded exponent) and
 * inexact, which needs an exact comparison in the subnormal range.
 */

import { isCSpace } from "./eval_lex.js";

/** A parsed double; `negative` carries the sign bit, which a NaN cannot show. */
export interface ParsedDouble {
  value: number;
  negative: boolean;
  end: number;
  range: boolean;
}

/** A parsed long (64-bit), saturated on overflow as strtol does. */
export interface ParsedLong {
  value: bigint;
  end: number;
  range: boolean;
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const DBL_MIN = 2 ** -1022;
// Exponents are read saturating at this size: anything beyond is already
// infinity or zero, whatever digits come with it.
const EXP_CAP = 1_000_000_000;

/** True for an ASCII decimal digit code. */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Value of an ASCII hex digit code, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Number of bits in a positive BigInt. */
function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** strtol(s, &end, 10) as a 64-bit long. */
export function strtol(s: string): ParsedLong {
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  const neg = s[i] === "-";
  if (neg || s[i] === "+") i++;
  const first = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i === first) return { value: 0n, end: 0, range: false };
  let v = BigInt(s.slice(first, i));
  if (neg) v = -v;
  if (v > LONG_MAX) return { value: LONG_MAX, end: i, range: true };
  if (v < LONG_MIN) return { value: LONG_MIN, end: i, range: true };
  return { value: v, end: i, range: false };
}

/** Read an optionally signed decimal exponent at i; null when no digit follows the sign. */
function readExponent(s: string, i: number): { exp: number; end: number } | null {
  let neg = false;
  if (s[i] === "+" || s[i] === "-") {
    neg = s[i] === "-";
    i++;
  }
  if (!isDigit(s.charCodeAt(i))) return null;
  let e = 0;
  while (isDigit(s.charCodeAt(i))) {
    if (e < EXP_CAP) e = e * 10 + (s.charCodeAt(i) - 48);
    i++;
  }
  return { exp: neg ? -e : e, end: i };
}

/** Whether a nonzero num/den, at most DBL_MIN, sets ERANGE: tiny after 53-bit rounding and not a multiple of 2^-1074. */
function underflows(num: bigint, den: bigint): boolean {
  // The largest value that still rounds up to DBL_MIN at 53 bits is the
  // midpoint (2^54 - 1) * 2^-1076, which rounds to even, i.e. up.
  const tiny = num << 1076n < den * ((1n << 54n) - 1n);
  return tiny && (num << 1074n) % den !== 0n;
}

/** Round mant * 2^e2 (mant > 0) to a double, ties to even, with subnormals. */
function roundBinary(mant: bigint, e2: number): { value: number; range: boolean } {
  const len = bitLength(mant);
  const top = len - 1 + e2;
  if (top > 1023) return { value: Infinity, range: true };
  if (top < -1076) return { value: 0, range: true };
  // Bits to drop: down to 53 significant bits, or fewer in the subnormal range.
  const shift = Math.max(len - 53, -1074 - e2);
  let value: number;
  let inexact = false;
  if (shift <= 0) {
    value = Number(mant) * 2 ** e2;
  } else {
    const s = BigInt(shift);
    let q = mant >> s;
    const r = mant - (q << s);
    const half = 1n << (s - 1n);
    if (r > half || (r === half && (q & 1n) === 1n)) q++;
    inexact = r !== 0n;
    value = Number(q) * 2 ** (e2 + shift);
  }
  if (value === Infinity) return { value, range: true };
  let range = false;
  if (inexact && value <= DBL_MIN) {
    range = e2 >= 0 ? false : underflows(mant, 1n << BigInt(-e2));
  }
  return { value, range };
}

/** Parse the digits of a hex float after "0x"; null when there is no hex digit (C then takes just the "0"). */
function hexFloat(s: string, i: number): { value: number; end: number; range: boolean } | null {
  let digits = "";
  let fraction = 0;
  while (hexValue(s.charCodeAt(i)) >= 0) digits += s[i++];
  if (s[i] === ".") {
    i++;
    while (hexValue(s.charCodeAt(i)) >= 0) {
      digits += s[i++];
      fraction++;
    }
  }
  if (digits === "") return null;
  let exp = 0;
  if (s[i] === "p" || s[i] === "P") {
    const e = readExponent(s, i + 1);
    if (e) {
      exp = e.exp;
      i = e.end;
    }
  }
  const mant = BigInt("0x" + digits);
  if (mant === 0n) return { value: 0, end: i, range: false };
  return { ...roundBinary(mant, exp - 4 * fraction), end: i };
}

/** Parse decimal float text at i (after the sign); null when there is no digit. */
function decimalFloat(s: string, i: number): { value: number; end: number; range: boolean } | null {
  const start = i;
  let intEnd = i;
  while (isDigit(s.charCodeAt(intEnd))) intEnd++;
  let end = intEnd;
  let fracEnd = intEnd;
  if (s[intEnd] === ".") {
    fracEnd = intEnd + 1;
    while (isDigit(s.charCodeAt(fracEnd))) fracEnd++;
    end = fracEnd;
  }
  if (intEnd === start && fracEnd <= intEnd + 1) return null;
  let exp = 0;
  if (s[end] === "e" || s[end] === "E") {
    const e = readExponent(s, end + 1);
    if (e) {
      exp = e.exp;
      end = e.end;
    }
  }
  const value = Number(s.slice(start, end));
  if (value === Infinity) return { value, end, range: true };
  let range = false;
  if (value <= DBL_MIN) {
    const fracDigits = fracEnd > intEnd ? s.slice(intEnd + 1, fracEnd) : "";
    const all = (s.slice(start, intEnd) + fracDigits).replace(/^0+/, "");
    if (all !== "") {
      // value = all * 10^k; only a value below 1e-324 can skip the exact test.
      const k = exp - fracDigits.length;
      if (all.length + k <= -324) range = true;
      else if (k < 0) range = underflows(BigInt(all), 10n ** BigInt(-k));
    }
  }
  return { value, end, range };
}

/** glibc strtod: whitespace, sign, then inf/infinity, nan/nan(chars), hex or decimal. */
export function strtod(s: string): ParsedDouble {
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  const negative = s[i] === "-";
  if (negative || s[i] === "+") i++;
  const word = s.slice(i, i + 8).toLowerCase();
  if (word.startsWith("inf")) {
    const end = i + (word === "infinity" ? 8 : 3);
    return { value: negative ? -Infinity : Infinity, negative, end, range: false };
  }
  if (word.startsWith("nan")) {
    let end = i + 3;
    if (s[end] === "(") {
      let j = end + 1;
      while (j < s.length && /[0-9A-Za-z_]/.test(s[j]!)) j++;
      if (s[j] === ")") end = j + 1;
    }
    return { value: NaN, negative, end, range: false };
  }
  let r = null;
  if (s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X")) r = hexFloat(s, i + 2);
  r ??= decimalFloat(s, i);
  if (r === null) return { value: 0, negative: false, end: 0, range: false };
  return { value: negative ? -r.value : r.value, negative, end: r.end, range: r.range };
}
