/*
 * options - the m4 command line, parsed as GNU m4 1.4.19's getopt_long does
 *
 * Short options cluster (-QE, -Dname=v), long options may be abbreviated to a
 * unique prefix, and file operands may be mixed with options: -D, -U, -t and
 * the files are kept in one ordered list because GNU applies them in order.
 * Hand-written rather than built on an argument library: m4 is run once per
 * compile and start-up time is most of its cost, and GNU's exact messages are
 * part of the interface.
 */

/** One ordered step of the command line. */
export type Step =
  | { kind: "define"; name: string; value: string }
  | { kind: "undefine"; name: string }
  | { kind: "trace"; name: string }
  | { kind: "file"; name: string };

/** The parsed command line. */
export interface M4Options {
  steps: Step[];
  includePath: string[];
  traditional: boolean;
  prefixBuiltins: boolean;
  fatalWarnings: number;
  quiet: boolean;
  nestingLimit: number;
  argLength: number;
  /** Debug flags given with -d, as a string ("" = aeq), per occurrence. */
  debugFlags: string[];
  /** --debugfile / -o: undefined when not given; "" discards. */
  debugFile: string | undefined;
  synclines: boolean;
  interactive: boolean;
  /** Messages to print before anything runs (deprecated options). */
  notices: string[];
  /** Set when the run is just --help or --version. */
  show: "help" | "version" | null;
  /** Set when the command line is wrong: message lines to print; exit 1. */
  error: string | null;
}

type ArgMode = "none" | "required" | "optional";

/** The long options, in GNU's table order (which orders ambiguity lists). */
const LONG: ReadonlyArray<[string, ArgMode, string]> = [
  ["arglength", "required", "l"],
  ["debug", "optional", "d"],
  ["define", "required", "D"],
  ["debugfile", "optional", "debugfile"],
  ["diversions", "required", "N"],
  ["error-output", "required", "o"],
  ["fatal-warnings", "none", "E"],
  ["freeze-state", "required", "F"],
  ["gnu", "none", "g"],
  ["hashsize", "required", "H"],
  ["help", "none", "help"],
  ["include", "required", "I"],
  ["interactive", "none", "i"],
  ["nesting-limit", "required", "L"],
  ["prefix-builtins", "none", "P"],
  ["quiet", "none", "Q"],
  ["reload-state", "required", "R"],
  ["silent", "none", "Q"],
  ["synclines", "none", "s"],
  ["trace", "required", "t"],
  ["traditional", "none", "G"],
  ["undefine", "required", "U"],
  ["version", "none", "version"],
  ["warn-macro-sequence", "optional", "warn-macro-sequence"],
];

/** Short options and whether they take an argument. */
const SHORT: Record<string, ArgMode> = {
  B: "required",
  D: "required",
  E: "none",
  F: "required",
  G: "none",
  H: "required",
  I: "required",
  L: "required",
  N: "required",
  P: "none",
  Q: "none",
  R: "required",
  S: "required",
  T: "required",
  U: "required",
  d: "optional",
  e: "none",
  g: "none",
  i: "none",
  l: "required",
  o: "required",
  s: "none",
  t: "required",
};

/** atoi - C's atoi: leading white space, sign, digits, garbage ignored */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m === null ? 0 : Number(BigInt.asIntN(32, BigInt(m[1]!)));
}

/** parseArgs - parse argv (without the program name) */
export function parseArgs(argv: readonly string[], program: string): M4Options {
  const o: M4Options = {
    steps: [],
    includePath: [],
    traditional: false,
    prefixBuiltins: false,
    fatalWarnings: 0,
    quiet: false,
    nestingLimit: 0,
    argLength: 0,
    debugFlags: [],
    debugFile: undefined,
    synclines: false,
    interactive: false,
    notices: [],
    show: null,
    error: null,
  };
  const fail = (msg: string): M4Options => {
    o.error = `${program}: ${msg}\nTry \`${program} --help' for more information.\n`;
    return o;
  };
  const apply = (key: string, val: string | undefined): void => {
    switch (key) {
      case "D": {
        const eq = val!.indexOf("=");
        o.steps.push(eq === -1 ? { kind: "define", name: val!, value: "" } : { kind: "define", name: val!.slice(0, eq), value: val!.slice(eq + 1) });
        break;
      }
      case "U":
        o.steps.push({ kind: "undefine", name: val! });
        break;
      case "t":
        o.steps.push({ kind: "trace", name: val! });
        break;
      case "I":
        o.includePath.push(val!);
        break;
      case "E":
        o.fatalWarnings++;
        break;
      case "G":
        o.traditional = true;
        break;
      case "g":
        o.traditional = false;
        break;
      case "P":
        o.prefixBuiltins = true;
        break;
      case "Q":
        o.quiet = true;
        break;
      case "L":
        o.nestingLimit = atoi(val!);
        break;
      case "l":
        o.argLength = atoi(val!);
        break;
      case "d":
        o.debugFlags.push(val ?? "");
        break;
      case "o":
      case "debugfile":
        o.debugFile = val ?? undefined;
        if (key === "debugfile" && val === undefined) o.debugFile = undefined;
        break;
      case "s":
        o.synclines = true;
        break;
      case "i":
        o.interactive = true;
        break;
      case "e":
        o.interactive = true;
        o.notices.push(`${program}: warning: \`${program} -e' is deprecated, use \`-i' instead\n`);
        break;
      case "B":
      case "S":
      case "T":
        o.notices.push(`${program}: warning: \`${program} -${key}' may be removed in a future release\n`);
        break;
      case "N":
        o.notices.push(`${program}: warning: \`${program} -N' is deprecated\n`);
        break;
      case "help":
      case "version":
        if (o.show === null) o.show = key;
        break;
      default:
        // -H, -F, -R, --warn-macro-sequence: accepted; F and R checked by the runner.
        if (key === "F" || key === "R") o.notices.push(`${program}: frozen state files are not supported\n`);
        break;
    }
  };

  let i = 0;
  while (i < argv.length) {
    const a = argv[i++]!;
    if (a === "--") {
      while (i < argv.length) o.steps.push({ kind: "file", name: argv[i++]! });
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const exact = LONG.find((l) => l[0] === name);
      let hit = exact;
      if (hit === undefined) {
        const cands = LONG.filter((l) => l[0].startsWith(name));
        const distinct = new Set(cands.map((c) => c[2]));
        if (cands.length === 0) return fail(`unrecognized option '${a}'`);
        if (distinct.size > 1) return fail(`option '${a}' is ambiguous; possibilities:${cands.map((c) => ` '--${c[0]}'`).join("")}`);
        hit = cands[0]!;
      }
      const [full, mode, key] = hit;
      let val: string | undefined;
      if (eq !== -1) {
        if (mode === "none") return fail(`option '--${full}' doesn't allow an argument`);
        val = a.slice(eq + 1);
      } else if (mode === "required") {
        if (i >= argv.length) return fail(`option '--${full}' requires an argument`);
        val = argv[i++]!;
      }
      apply(key, val);
      if (o.show !== null) return o;
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const mode = SHORT[c];
        if (mode === undefined) return fail(`invalid option -- '${c}'`);
        if (mode === "none") {
          apply(c, undefined);
          continue;
        }
        const rest = a.slice(k + 1);
        if (rest.length > 0) apply(c, rest);
        else if (mode === "optional") apply(c, undefined);
        else {
          if (i >= argv.length) return fail(`option requires an argument -- '${c}'`);
          apply(c, argv[i++]!);
        }
        break;
      }
      continue;
    }
    o.steps.push({ kind: "file", name: a });
  }
  return o;
}
