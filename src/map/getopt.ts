/*
 * getopt - glibc getopt() as sendmail's tools see it on Debian.
 *
 * Options may be clustered (-fv), an option's argument may be attached
 * (-t:) or the next word (-t :), options and operands may be mixed (glibc
 * permutes them unless POSIXLY_CORRECT is set), "--" ends the options and
 * "-" is an operand. Diagnostics are glibc's texts, prefixed with the
 * program name as invoked.
 */

/** One thing getopt reported, in command-line order. */
export type GetoptEvent =
  | { readonly kind: "opt"; readonly opt: string; readonly arg: string | null }
  | { readonly kind: "error"; readonly text: string };

/** Options in order, plus the operands. */
export interface GetoptResult {
  readonly events: GetoptEvent[];
  readonly operands: string[];
}

/** Parse args (without the program name) against a getopt option string. */
export function getopt(args: readonly string[], optstring: string, prog: string): GetoptResult {
  const events: GetoptEvent[] = [];
  const operands: string[] = [];
  const permute = process.env.POSIXLY_CORRECT === undefined && !optstring.startsWith("+");
  const spec = optstring.replace(/^[+-]/, "");
  const takesArg = (c: string): boolean | null => {
    const i = spec.indexOf(c);
    if (i < 0 || c === ":") return null;
    return spec[i + 1] === ":";
  };
  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== "-") {
      if (!permute) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(a);
      i++;
      continue;
    }
    if (a.startsWith("--")) {
      events.push({ kind: "error", text: `${prog}: unrecognized option '${a}'\n` });
      i++;
      continue;
    }
    i++;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const t = takesArg(c);
      if (t === null) {
        events.push({ kind: "error", text: `${prog}: invalid option -- '${c}'\n` });
        continue;
      }
      if (!t) {
        events.push({ kind: "opt", opt: c, arg: null });
        continue;
      }
      if (j + 1 < a.length) {
        events.push({ kind: "opt", opt: c, arg: a.slice(j + 1) });
      } else if (i < args.length) {
        events.push({ kind: "opt", opt: c, arg: args[i++]! });
      } else {
        events.push({ kind: "error", text: `${prog}: option requires an argument -- '${c}'\n` });
      }
      break;
    }
  }
  return { events, operands };
}
