/*
 * format - the `format' builtin: format(FORMAT-STRING, ARGUMENTS...)
 *
 * Walks the format string as GNU m4 1.4.19 does: each %-spec is parsed
 * (flags - + space 0 # ', width and precision as digits or *, length
 * modifier h, hh or l) while narrowing the set of conversion letters that
 * stay valid (GNU refuses combinations that C leaves undefined, such as %+s,
 * %#d or %lc), then handed to the C-printf emulations in format_int and
 * format_float. A refused or unknown spec is warned about and skipped. The '
 * flag is accepted where GNU accepts it but groups nothing, as in the C
 * locale.
 */

import type { Diag } from "./diag.js";
import { cString, FormatArgs } from "./format_args.js";
import { formatDouble } from "./format_float.js";
import { formatChar, formatInteger, formatString } from "./format_int.js";
import type { Spec } from "./format_pad.js";

const ALL_CONVERSIONS = "aAcdeEfFgGiosuxX";

/** Remove the letters of `these` from the set of acceptable conversions. */
function refuse(ok: string, these: string): string {
  let r = "";
  for (const c of ok) if (!these.includes(c)) r += c;
  return r;
}

/** Read decimal digits at pos into a C int, wrapping as GNU's int arithmetic does. */
function readNumber(f: string, pos: number): { n: number; pos: number } {
  let n = 0;
  for (let c = f.charCodeAt(pos); c >= 48 && c <= 57; c = f.charCodeAt(++pos)) {
    n = (Math.imul(n, 10) + (c - 48)) | 0;
  }
  return { n, pos };
}

/** Cut an int to the type a length modifier names: char, short or int, signed or not. */
function castInt(n: number, size: string, unsigned: boolean): bigint {
  if (size === "hh") return BigInt(unsigned ? n & 0xff : (n << 24) >> 24);
  if (size === "h") return BigInt(unsigned ? n & 0xffff : (n << 16) >> 16);
  return BigInt(unsigned ? n >>> 0 : n);
}

/** The format builtin; args[0] is the name, args[1] the format, the rest its arguments. */
export function formatBuiltin(args: readonly string[], diag: Diag): string {
  const f = cString(args[1] ?? "");
  const argv = new FormatArgs(args.slice(2), diag);
  let out = "";
  let pos = 0;
  for (;;) {
    const percent = f.indexOf("%", pos);
    if (percent < 0) {
      out += f.slice(pos);
      break;
    }
    out += f.slice(pos, percent);
    pos = percent + 1;
    if (f[pos] === "%") {
      out += "%";
      pos++;
      continue;
    }

    let ok = ALL_CONVERSIONS;
    const spec: Spec = { minus: false, plus: false, space: false, zero: false, alt: false, width: 0, prec: -1, conv: "" };
    flags: for (;; pos++) {
      switch (f[pos]) {
        case "'":
          ok = refuse(ok, "aAceEosxX");
          break;
        case "+":
          ok = refuse(ok, "cosuxX");
          spec.plus = true;
          break;
        case " ":
          ok = refuse(ok, "cosuxX");
          spec.space = true;
          break;
        case "0":
          ok = refuse(ok, "cs");
          spec.zero = true;
          break;
        case "#":
          ok = refuse(ok, "cdisu");
          spec.alt = true;
          break;
        case "-":
          spec.minus = true;
          break;
        default:
          break flags;
      }
    }

    // Width and precision: a * takes the next argument as an int, even if
    // the spec turns out to be refused.
    let width: number;
    if (f[pos] === "*") {
      width = argv.int();
      pos++;
    } else {
      ({ n: width, pos } = readNumber(f, pos));
    }
    if (f[pos] === ".") {
      ok = refuse(ok, "c");
      pos++;
      if (f[pos] === "*") {
        spec.prec = argv.int();
        pos++;
      } else {
        ({ n: spec.prec, pos } = readNumber(f, pos));
      }
      // A negative precision counts as none.
      if (spec.prec < 0) spec.prec = -1;
    }
    // A negative width means left justification, as with printf's *.
    if (width < 0) {
      spec.minus = true;
      width = -width;
    }
    spec.width = width;

    let size = "";
    if (f[pos] === "l") {
      size = "l";
      pos++;
      ok = refuse(ok, "cs");
    } else if (f[pos] === "h") {
      size = "h";
      pos++;
      if (f[pos] === "h") {
        size = "hh";
        pos++;
      }
      ok = refuse(ok, "aAceEfFgGs");
    }

    const c = f[pos];
    if (c === undefined || !ok.includes(c)) {
      diag.warn(`Warning: unrecognized specifier in \`${f}'`);
      if (c !== undefined) pos++;
      continue;
    }
    pos++;
    spec.conv = c;

    switch (c) {
      case "c":
        out += formatChar(spec, argv.int());
        break;
      case "s":
        out += formatString(spec, argv.str());
        break;
      case "d":
      case "i":
      case "o":
      case "u":
      case "x":
      case "X": {
        const unsigned = c !== "d" && c !== "i";
        let v: bigint;
        if (size === "l") {
          const n = argv.long();
          v = unsigned ? BigInt.asUintN(64, n) : n;
        } else {
          v = castInt(argv.int(), size, unsigned);
        }
        out += formatInteger(spec, v);
        break;
      }
      default: {
        const d = argv.double();
        out += formatDouble(spec, d.value, d.negative);
      }
    }
  }
  return out;
}
