/*
 * format_int - format's %d %i %o %u %x %X %c %s conversions, as C printf does them
 *
 * The value arrives already cut to the C type the length modifier names
 * (int, short, char or long; unsigned for o u x X), as a BigInt so that
 * longs are exact.
 */

import { MAX_FIELD, pad, signOf, type Spec } from "./format_pad.js";

/** An integer conversion (d i o u x X) of v. */
export function formatInteger(spec: Spec, v: bigint): string {
  const c = spec.conv;
  const negative = v < 0n;
  const mag = negative ? -v : v;
  if (spec.prec > MAX_FIELD) return "";
  let digits = mag.toString(c === "o" ? 8 : c === "x" || c === "X" ? 16 : 10);
  if (c === "X") digits = digits.toUpperCase();
  // An explicit precision of zero prints nothing for zero (but %#o still
  // shows its 0); a larger one pads with zeros.
  if (spec.prec === 0 && mag === 0n) digits = "";
  if (spec.prec > digits.length) digits = "0".repeat(spec.prec - digits.length) + digits;
  let prefix = "";
  if (c === "d" || c === "i") prefix = signOf(spec, negative);
  else if (c === "o" && spec.alt && digits[0] !== "0") digits = "0" + digits;
  else if (spec.alt && mag !== 0n && (c === "x" || c === "X")) prefix = c === "x" ? "0x" : "0X";
  // The 0 flag is ignored when a precision is given.
  return pad(spec, prefix, digits, spec.zero && spec.prec < 0);
}

/** %c of an int: the low byte. A NUL byte ends the C string, so it and what follows it are lost. */
export function formatChar(spec: Spec, n: number): string {
  const s = pad(spec, "", String.fromCharCode(n & 0xff), false);
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
}

/** %s: at most prec bytes of the text, padded with spaces. */
export function formatString(spec: Spec, s: string): string {
  return pad(spec, "", spec.prec >= 0 && spec.prec < s.length ? s.slice(0, spec.prec) : s, false);
}
