/*
 * format_args - format's argument list, read as C strings, ints, longs or doubles
 *
 * Each read takes the next argument; once they run out GNU m4 quietly uses
 * 0 or "". Numbers are parsed with strtol / strtod and at most one warning
 * is given per argument, checked in GNU's order: trailing garbage, then
 * leading whitespace, then overflow (for an int, also a long that does not
 * fit in 32 bits, which is then truncated).
 */

import type { Diag } from "./diag.js";
import { strtod, strtol } from "./format_strtod.js";
import { isCSpace } from "./eval_lex.js";

/** Arguments are C strings in GNU m4: a NUL byte ends them. */
export function cString(s: string): string {
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
}

/** A cursor over the arguments that follow the format string. */
export class FormatArgs {
  private next = 0;

  constructor(
    private readonly args: readonly string[],
    private readonly diag: Diag,
  ) {}

  /** The next argument as text, or null when none is left. */
  private take(): string | null {
    if (this.next >= this.args.length) return null;
    return cString(this.args[this.next++]!);
  }

  /** The next argument for %s. */
  str(): string {
    return this.take() ?? "";
  }

  /** Warn about a numeric argument as GNU's arg_int/arg_long/arg_double do; false if it is empty. */
  private check(text: string, end: number, overflow: boolean): boolean {
    if (text === "") {
      this.diag.warn("empty string treated as 0");
      return false;
    }
    if (end !== text.length) this.diag.warn(`non-numeric argument ${text}`);
    else if (isCSpace(text.charCodeAt(0))) this.diag.warn("leading whitespace ignored");
    else if (overflow) this.diag.warn("numeric overflow detected");
    return true;
  }

  /** The next argument as a C int (a long cut to its low 32 bits). */
  int(): number {
    const text = this.take();
    if (text === null) return 0;
    const r = strtol(text);
    const v = Number(BigInt.asIntN(32, r.value));
    if (!this.check(text, r.end, r.range || BigInt(v) !== r.value)) return 0;
    return v;
  }

  /** The next argument as a C long (64 bits). */
  long(): bigint {
    const text = this.take();
    if (text === null) return 0n;
    const r = strtol(text);
    if (!this.check(text, r.end, r.range)) return 0n;
    return r.value;
  }

  /** The next argument as a double, with its sign bit. */
  double(): { value: number; negative: boolean } {
    const text = this.take();
    if (text === null) return { value: 0, negative: false };
    const r = strtod(text);
    if (!this.check(text, r.end, r.range)) return { value: 0, negative: false };
    return { value: r.value, negative: r.negative };
  }
}
