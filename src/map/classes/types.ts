/*
 * types - the interface every map class implements for the ruleset engine.
 *
 * A lookup answers synchronously when it can (files, arithmetic, macros)
 * and with a Promise when it needs I/O (DNS); the engine only awaits in
 * the second case. Values returned as "found" are final: %0-%9 already
 * substituted and the -a text appended (mapRewrite below), exactly what
 * sendmail's map_rewrite() hands back to rewrite().
 */

import type { CfMap } from "../../cf/model.js";

export type LookupResult =
  | { readonly kind: "found"; readonly value: string }
  /** status: the exit status sendmail's lookup leaves (EX_NOHOST for an unknown host; 0 otherwise). */
  | { readonly kind: "notfound"; readonly status?: number }
  | { readonly kind: "tempfail"; readonly reason: string }
  /** A permanent failure other than "not found" (sendmail's EX_UNAVAILABLE and the like). */
  | { readonly kind: "error"; readonly status: number; readonly reason: string };

export type MaybePromise<T> = T | Promise<T>;

/** One open map of some class. */
export interface MapClassInstance {
  /** Look a key up; args[0] is the key, args[1..] the $@ arguments (%1..). */
  lookup(key: string, args: readonly string[]): MaybePromise<LookupResult>;
  /** map_open() work done on first use (sendmail opens maps lazily; -bt's /map opens before printing). */
  open?(): void;
}

/** Run-time services a map class may use (macros for the macro map, other maps for sequence/switch). */
export interface MapContext {
  /** Set a macro ($@ value; null clears). */
  defineMacro(name: string, value: string | null): void;
  /** Another map by name (sequence, switch). */
  findMap(name: string): MapInstance | null;
  /** The canonical host name lookup of the engine (host map, /canon). */
  readonly hostsFile: string;
  readonly serviceSwitchFile: string;
  /** $m, for shortening and qualifying host names. */
  localDomain(): string;
  /** Name of the cf file (for messages). */
  readonly log: (message: string) => void;
  /** syserr(): printed; the exit status becomes status (70 by default, 71 with errno set) unless already set. */
  readonly syserr?: (message: string, status?: number) => void;
}

/** Flags and texts from the K line that every class shares. */
export interface MapFlags {
  /** -a */
  readonly append: string | null;
  /** -T */
  readonly tempfailAppend: string | null;
  /** -f: keep key case */
  readonly keepCase: boolean;
  /** -m: match only (return the key) */
  readonly matchOnly: boolean;
  /** -q: keep quotes in the key */
  readonly keepQuotes: boolean;
  /** -o: optional */
  readonly optional: boolean;
  /** -N / -O */
  readonly nul: "both" | "with" | "without";
  /** -S: space substitution character for the key (null: SpaceSub). */
  readonly spaceSub: string | null;
  /** -t: do not defer on temporary failure (MF_NODEFER). */
  readonly noDefer: boolean;
  /** -D: defer in deferred-delivery mode. */
  readonly defer: boolean;
  /** -A: append values of duplicate keys. */
  readonly appendDup: boolean;
  /** -k, -v, -z */
  readonly keyColumn: string | null;
  readonly valueColumn: string | null;
  readonly columnDelimiter: string | null;
  /** -d timeout (seconds) */
  readonly timeout: number | null;
  /** The file argument, if any. */
  readonly file: string | null;
  /** Words after the flags (file and the rest). */
  readonly rest: readonly string[];
}

/** A map as the engine holds it. */
export interface MapInstance {
  readonly name: string;
  readonly mapClass: string;
  readonly flags: MapFlags;
  readonly impl: MapClassInstance;
  /** sendmail's openmap() result: false if the map could not be opened ("not open"). */
  readonly open: boolean;
}

/** A factory: build the class instance for a K line. */
export type MapFactory = (def: CfMap, flags: MapFlags, ctx: MapContext) => MapClassInstance;

/** sendmail's map_rewrite(): %0..%9 from args, %% -> %, then the -a text. */
export function mapRewrite(value: string, args: readonly string[], append: string | null): string {
  let out = value;
  if (value.indexOf("%") >= 0 && args.length > 0) {
    out = "";
    for (let i = 0; i < value.length; i++) {
      const c = value[i]!;
      if (c !== "%" || i + 1 >= value.length) {
        out += c;
        continue;
      }
      const d = value.charCodeAt(++i);
      if (d === 0x25) out += "%";
      else if (d >= 0x30 && d <= 0x39) {
        const a = args[d - 0x30];
        if (a !== undefined) out += a;
      } else out += "%" + value[i];
    }
  }
  return append === null ? out : out + append;
}

/** Found: the rewritten value, or the key itself for -m maps. */
export function foundResult(flags: MapFlags, key: string, value: string, args: readonly string[]): LookupResult {
  if (flags.matchOnly) return { kind: "found", value: mapRewrite(key, [], flags.append) };
  return { kind: "found", value: mapRewrite(value, args, flags.append) };
}

export const NOT_FOUND: LookupResult = Object.freeze({ kind: "notfound" });

/** Parse the common K line flags (map_parseargs) from the argument text. */
export function parseMapFlags(args: string): MapFlags {
  const words = splitWords(args);
  let append: string | null = null;
  let tempfailAppend: string | null = null;
  let keepCase = false;
  let matchOnly = false;
  let keepQuotes = false;
  let optional = false;
  let nul: "both" | "with" | "without" = "both";
  let spaceSub: string | null = null;
  let noDefer = false;
  let defer = false;
  let appendDup = false;
  let keyColumn: string | null = null;
  let valueColumn: string | null = null;
  let columnDelimiter: string | null = null;
  let timeout: number | null = null;
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w[0] !== "-" || w.length < 2) break;
    const v = w.slice(2);
    switch (w[1]) {
      case "a":
        append = v;
        break;
      case "T":
        tempfailAppend = v;
        break;
      case "f":
        keepCase = true;
        break;
      case "m":
        matchOnly = true;
        break;
      case "q":
        keepQuotes = true;
        break;
      case "o":
        optional = true;
        break;
      case "N":
        nul = "with";
        break;
      case "O":
        nul = "without";
        break;
      case "S":
        spaceSub = v.length > 0 ? v[0]! : null;
        break;
      case "t":
        noDefer = true;
        break;
      case "D":
        defer = true;
        break;
      case "A":
        appendDup = true;
        break;
      case "k":
        if (v.length > 0) keyColumn = v;
        else if (i + 1 < words.length) keyColumn = words[++i]!;
        break;
      case "v":
        if (v.length > 0) valueColumn = v;
        else if (i + 1 < words.length) valueColumn = words[++i]!;
        break;
      case "z":
        columnDelimiter = v === "\\t" ? "\t" : v === "\\n" ? "\n" : v.length > 0 ? v[0]! : null;
        break;
      case "d":
        timeout = Number.parseInt(v, 10) || null;
        break;
      default:
        break;
    }
  }
  const rest = words.slice(i);
  return {
    append,
    tempfailAppend,
    keepCase,
    matchOnly,
    keepQuotes,
    optional,
    nul,
    spaceSub,
    noDefer,
    defer,
    appendDup,
    keyColumn,
    valueColumn,
    columnDelimiter,
    timeout,
    file: rest[0] ?? null,
    rest,
  };
}

function splitWords(s: string): string[] {
  return s.split(/[ \t]+/).filter((w) => w.length > 0);
}

/** ASCII lower case (sendmail's makelower). */
export function lower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
