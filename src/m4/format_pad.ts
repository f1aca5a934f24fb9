/*
 * format_pad - one parsed conversion spec of format, and field-width padding
 *
 * GNU m4 hands each conversion to the C library's asprintf and drops the
 * result if that fails; it fails when the text would reach INT_MAX - 1
 * bytes (found by probing GNU m4 1.4.19 with glibc), so any longer field
 * comes out empty.
 */

/** One conversion: flags, width (>= 0, "-" already folded in), precision (-1 for none), and the letter. */
export interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  zero: boolean;
  alt: boolean;
  width: number;
  prec: number;
  conv: string;
}

/** The longest conversion result asprintf still produces. */
export const MAX_FIELD = 2147483645;

/** Pad prefix+body to the width: spaces on the right for "-", zeros between them if zeroPad, else spaces in front. */
export function pad(spec: Spec, prefix: string, body: string, zeroPad: boolean): string {
  const len = prefix.length + body.length;
  if (spec.width > MAX_FIELD || len > MAX_FIELD) return "";
  if (spec.width <= len) return prefix + body;
  const fill = spec.width - len;
  if (spec.minus) return prefix + body + " ".repeat(fill);
  if (zeroPad) return prefix + "0".repeat(fill) + body;
  return " ".repeat(fill) + prefix + body;
}

/** The sign a signed conversion shows: "-", "+" for the + flag, " " for the space flag, or nothing. */
export function signOf(spec: Spec, negative: boolean): string {
  return negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
}
