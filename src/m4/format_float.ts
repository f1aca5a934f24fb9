/*
 * format_float - format's %f %F %e %E %g %G %a %A conversions, as glibc printf does them
 *
 * glibc prints the exact binary value of the double, rounded to the digits
 * asked for with ties to even, so digits come from BigInt arithmetic on the
 * double's bits rather than from toFixed/toPrecision (which stop at 100
 * digits and differ in places). A double's exact decimal expansion has at
 * most 1074 digits after the point and 767 significant ones, so precisions
 * beyond that only append zeros and are computed that way.
 */

import { MAX_FIELD, pad, signOf, type Spec } from "./format_pad.js";

/** A finite double >= 0 as mant * 2^exp, plus its raw fields for %a. */
interface Parts {
  mant: bigint;
  exp: number;
  biased: number;
  frac: bigint;
}

/** Split a finite non-negative double into its fields. */
function parts(x: number): Parts {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased === 0) return { mant: frac, exp: -1074, biased, frac };
  return { mant: frac | (1n << 52n), exp: biased - 1075, biased, frac };
}

/** mant * 2^exp * 10^k rounded to an integer, ties to even. */
function scaledRound(p: Parts, k: number): bigint {
  let num = p.mant;
  let den = 1n;
  if (p.exp >= 0) num <<= BigInt(p.exp);
  else den <<= BigInt(-p.exp);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  let q = num / den;
  const twice = (num - q * den) * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q++;
  return q;
}

/** Sign of mant * 2^exp - 10^e. */
function comparePow10(p: Parts, e: number): number {
  let lhs = p.mant;
  let rhs = 1n;
  if (p.exp >= 0) lhs <<= BigInt(p.exp);
  else rhs <<= BigInt(-p.exp);
  if (e >= 0) rhs *= 10n ** BigInt(e);
  else lhs *= 10n ** BigInt(-e);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/** The digits of %f: x with prec digits after the point ("." kept for #). */
function fixed(p: Parts, prec: number, alt: boolean): string {
  const exact = Math.min(prec, 1074);
  let s = scaledRound(p, exact).toString();
  if (exact === 0) return alt ? `${s}.` : s;
  if (s.length <= exact) s = "0".repeat(exact + 1 - s.length) + s;
  return `${s.slice(0, -exact)}.${s.slice(-exact)}${"0".repeat(prec - exact)}`;
}

/** prec+1 significant digits of x, the decimal exponent of the first after rounding, and whether rounding raised it. */
function significant(p: Parts, prec: number): { digits: string; exp: number; carried: boolean } {
  const exact = Math.min(prec, 800);
  if (p.mant === 0n) return { digits: "0".repeat(prec + 1), exp: 0, carried: false };
  // Math.log10 gives the exponent or misses it by one; settle it exactly.
  let e = Math.floor(Math.log10(Number(p.mant) * 2 ** p.exp));
  while (comparePow10(p, e) < 0) e--;
  while (comparePow10(p, e + 1) >= 0) e++;
  let q = scaledRound(p, exact - e);
  const limit = 10n ** BigInt(exact + 1);
  // Rounding up to the next power of ten: 9.99 -> 10.0 becomes 1.00e+1.
  const carried = q >= limit;
  if (carried) {
    q /= 10n;
    e++;
  }
  return { digits: q.toString() + "0".repeat(prec - exact), exp: e, carried };
}

/** The %e form from significant digits: d.ddde+XX, at least two exponent digits. */
function expForm(digits: string, exp: number, alt: boolean, upper: boolean): string {
  const point = digits.length > 1 || alt ? "." : "";
  const e = Math.abs(exp);
  return `${digits[0]}${point}${digits.slice(1)}${upper ? "E" : "e"}${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
}

/** %g: %e or %f by the exponent, trailing zeros dropped unless #. */
function general(p: Parts, spec: Spec, upper: boolean): string {
  let prec = spec.prec < 0 ? 6 : spec.prec === 0 ? 1 : spec.prec;
  // Without # the extra digits would be zeros and get stripped, so a huge
  // precision can be cut to what a double can show (and is still > exp).
  if (!spec.alt) prec = Math.min(prec, 800);
  const sig = significant(p, prec - 1);
  if (prec > sig.exp && sig.exp >= -4) {
    const body = fixed(p, prec - 1 - sig.exp, spec.alt);
    return spec.alt ? body : stripZeros(body);
  }
  // glibc quirk: when rounding lifts the exponent from prec-1 to prec, the
  // value is printed in %e form but with the fraction length of the %f form
  // it first chose, which is none: %#g of 999999.5 is "1.e+06", not
  // "1.00000e+06". (Without # the zeros would be stripped anyway.)
  if (sig.carried && sig.exp === prec) return expForm(sig.digits[0]!, sig.exp, spec.alt, upper);
  const body = expForm(sig.digits, sig.exp, spec.alt, upper);
  return spec.alt ? body : stripZeros(body);
}

/** Drop trailing zeros of the fraction, and the point if nothing is left after it. */
function stripZeros(body: string): string {
  const e = body.search(/[eE]/);
  let mant = e < 0 ? body : body.slice(0, e);
  if (mant.includes(".")) mant = mant.replace(/0+$/, "").replace(/\.$/, "");
  return e < 0 ? mant : mant + body.slice(e);
}

/** %a: 0x1.hhhp+d (0x0.hhhp-1022 for subnormals), rounded to prec hex digits, ties to even. */
function hexForm(p: Parts, spec: Spec): string {
  let lead: bigint = p.biased === 0 ? 0n : 1n;
  const exp = p.mant === 0n ? 0 : p.biased === 0 ? -1022 : p.biased - 1023;
  let digits = p.frac.toString(16).padStart(13, "0");
  if (spec.prec < 0) {
    digits = digits.replace(/0+$/, "");
  } else if (spec.prec < 13) {
    const drop = BigInt(4 * (13 - spec.prec));
    const whole = (lead << 52n) | p.frac;
    let q = whole >> drop;
    const r = whole - (q << drop);
    const half = 1n << (drop - 1n);
    if (r > half || (r === half && (q & 1n) === 1n)) q++;
    // A carry into the leading digit is kept there (0x1.f -> 0x2), as glibc does.
    const fracBits = BigInt(4 * spec.prec);
    lead = q >> fracBits;
    digits = spec.prec === 0 ? "" : (q & ((1n << fracBits) - 1n)).toString(16).padStart(spec.prec, "0");
  } else {
    digits += "0".repeat(spec.prec - 13);
  }
  const point = digits !== "" || spec.alt ? "." : "";
  return `${lead}${point}${digits}p${exp < 0 ? "-" : "+"}${Math.abs(exp)}`;
}

/** A rough upper bound of the field's length, to give up (as asprintf does) before building a huge one. */
function tooLong(spec: Spec): boolean {
  return spec.prec > MAX_FIELD - 400 && !(spec.conv === "g" || spec.conv === "G");
}

/** A floating conversion of a double whose sign bit is `negative`. */
export function formatDouble(spec: Spec, x: number, negative: boolean): string {
  const c = spec.conv;
  const upper = c === "E" || c === "F" || c === "G" || c === "A";
  const sign = signOf(spec, negative);
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? "nan" : "inf";
    return pad(spec, sign, upper ? word.toUpperCase() : word, false);
  }
  if (tooLong(spec)) return "";
  const p = parts(Math.abs(x));
  const zero = spec.zero && !spec.minus;
  switch (c) {
    case "f":
    case "F":
      return pad(spec, sign, fixed(p, spec.prec < 0 ? 6 : spec.prec, spec.alt), zero);
    case "e":
    case "E": {
      const sig = significant(p, spec.prec < 0 ? 6 : spec.prec);
      return pad(spec, sign, expForm(sig.digits, sig.exp, spec.alt, upper), zero);
    }
    case "g":
    case "G": {
      const body = general(p, spec, upper);
      return pad(spec, sign, upper ? body.toUpperCase() : body, zero);
    }
    default: {
      const body = hexForm(p, spec);
      return pad(spec, sign + (upper ? "0X" : "0x"), upper ? body.toUpperCase() : body, zero);
    }
  }
}
