/*
 * eval - the `eval' builtin: eval(EXPRESSION, [RADIX], [WIDTH])
 *
 * Checks the radix and width arguments the way GNU m4 1.4.19 does (before
 * looking at the expression at all), evaluates the expression with
 * eval_parse, reports its errors with GNU's texts, and prints the value in
 * the radix (1 to 36, lowercase digits; radix 1 is unary), zero-padded to the
 * width with any minus sign in front of the padding.
 */

import type { Diag } from "./diag.js";
import { isCSpace } from "./eval_lex.js";
import { EvalErr, evaluate } from "./eval_parse.js";

/** Message texts of the parse errors; "eval" is fixed here even when the builtin is renamed, as in GNU. */
const MESSAGES: Record<number, string> = {
  [EvalErr.DivideZero]: "divide by zero in eval: ",
  [EvalErr.ModuloZero]: "modulo by zero in eval: ",
  [EvalErr.NegativeExponent]: "negative exponent in eval: ",
  [EvalErr.Syntax]: "bad expression in eval: ",
  [EvalErr.MissingRight]: "bad expression in eval (missing right parenthesis): ",
  [EvalErr.UnknownInput]: "bad expression in eval (bad input): ",
  [EvalErr.InvalidOperator]: "invalid operator in eval: ",
  [EvalErr.ExcessInput]: "bad expression in eval (excess input): ",
};

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** Arguments are C strings in GNU m4: a NUL byte ends them. */
function cString(s: string): string {
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
}

/**
 * GNU's numeric_arg: strtol in base 10 then a cast to int. Returns null
 * (after a warning) when the text is not wholly a number; overflow and
 * leading whitespace only warn, and the value is then LONG_MAX / LONG_MIN
 * or the number truncated to its low 32 bits, as the C code computes.
 */
function numericArg(name: string, arg: string, diag: Diag): number | null {
  if (arg === "") {
    diag.warn(`empty string treated as 0 in builtin \`${name}'`);
    return 0;
  }
  let i = 0;
  while (i < arg.length && isCSpace(arg.charCodeAt(i))) i++;
  let neg = false;
  const sign = arg.charCodeAt(i);
  if (sign === 43 || sign === 45) {
    neg = sign === 45;
    i++;
  }
  const first = i;
  while (i < arg.length && arg.charCodeAt(i) >= 48 && arg.charCodeAt(i) <= 57) i++;
  if (i === first || i !== arg.length) {
    diag.warn(`non-numeric argument to builtin \`${name}'`);
    return null;
  }
  let v = BigInt(arg.slice(first, i));
  if (neg) v = -v;
  let overflow = false;
  if (v > LONG_MAX) {
    v = LONG_MAX;
    overflow = true;
  } else if (v < LONG_MIN) {
    v = LONG_MIN;
    overflow = true;
  }
  if (isCSpace(arg.charCodeAt(0))) diag.warn(`leading whitespace ignored in builtin \`${name}'`);
  else if (overflow) diag.warn(`numeric overflow detected in builtin \`${name}'`);
  return Number(BigInt.asIntN(32, v));
}

/** Unary notation: GNU pads with width-minus-value zeros then writes the ones. */
function unary(value: number, min: number): string {
  let sign = "";
  // value is an int32; negating INT_MIN wraps back to INT_MIN, and GNU's
  // count-down loop then runs 2^31 times, so the ones count is |value| as an
  // unsigned number. (Such a string is beyond what JS can build.)
  if (value < 0) {
    sign = "-";
    value = -value | 0;
  }
  const ones = value < 0 ? 2 ** 31 : value;
  const zeros = Math.max(0, min - value);
  return sign + "0".repeat(zeros) + "1".repeat(ones);
}

/** The eval builtin; args[0] is the name it was called by. */
export function evalBuiltin(args: readonly string[], diag: Diag): string {
  const name = args[0] ?? "eval";
  let radix = 10;
  let min = 1;
  const radixArg = cString(args[2] ?? "");
  if (radixArg !== "") {
    const r = numericArg(name, radixArg, diag);
    if (r === null) return "";
    radix = r;
  }
  if (radix < 1 || radix > 36) {
    diag.warn(`radix ${radix} in builtin \`${name}' out of range`);
    return "";
  }
  if (args.length > 3) {
    const w = numericArg(name, cString(args[3]!), diag);
    if (w === null) return "";
    min = w;
  }
  if (min < 0) {
    diag.warn(`negative width to builtin \`${name}'`);
    return "";
  }

  const expr = cString(args[1] ?? "");
  let value = 0;
  if (expr === "") {
    diag.warn(`empty string treated as 0 in builtin \`${name}'`);
  } else {
    const r = evaluate(expr, (text) => diag.warn(text));
    if (r.err !== EvalErr.None) {
      const text = MESSAGES[r.err] + expr;
      // Only an invalid operator changes the exit status in GNU m4.
      if (r.err === EvalErr.InvalidOperator) diag.error(text);
      else diag.warn(text);
      return "";
    }
    value = r.value;
  }

  if (radix === 1) return unary(value, min);
  let digits: string;
  let sign = "";
  if (value < 0) {
    sign = "-";
    digits = (-value >>> 0).toString(radix);
  } else {
    digits = value.toString(radix);
  }
  return min > digits.length ? sign + "0".repeat(min - digits.length) + digits : sign + digits;
}
