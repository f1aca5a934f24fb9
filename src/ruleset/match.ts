/*
 * match - the left-hand side matcher, with sendmail's backtracking: $*
 * and $+ bindings grow one token at a time from the most recent binding
 * backwards, $=X grows its phrase until the class has it, $- and $~X take
 * exactly one token, $@ takes none, $&x compares the macro's value with
 * the next tokens, other tokens compare case-insensitively.
 */

import { CANONHOST, MACRODEXPAND, MATCHANY, MATCHCLASS, MATCHNCLASS, MATCHONE, MATCHZANY } from "../cf/chars.js";

/** One binding: the pattern index and the token range first..last (last = first-1 for none). */
export interface Binding {
  pattern: number;
  first: number;
  last: number;
}

/** What the matcher needs from the engine. */
export interface MatchEnv {
  /** Is the phrase in class id? */
  inClass(id: number, phrase: string): boolean;
  /** Run-time value of a macro ($&x), or undefined. */
  macro(id: number): string | undefined;
  /** cataddr() of tokens first..last for class lookups. */
  phrase(pvp: readonly string[], first: number, last: number): string;
  /** -d21.2 trace of a $&x on the left-hand side. */
  traceLhsMacro?(id: number, value: string | undefined): void;
}

function ieq(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0x41 && x <= 0x5a) x += 32;
    if (y >= 0x41 && y <= 0x5a) y += 32;
    if (x !== y) return false;
  }
  return true;
}

/** Case-insensitive "does s at pos start with t". */
function startsWithI(s: string, pos: number, t: string): boolean {
  if (pos + t.length > s.length) return false;
  for (let i = 0; i < t.length; i++) {
    let x = s.charCodeAt(pos + i);
    let y = t.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0x41 && x <= 0x5a) x += 32;
    if (y >= 0x41 && y <= 0x5a) y += 32;
    if (x !== y) return false;
  }
  return true;
}

/** -d21.35 / -d21.36 traces of the matcher: (tag, pattern token, address token), null printed as <null>. */
export interface MatchTrace {
  /** tTd(21, 35): ADVANCE lines. */
  readonly advance: boolean;
  /** tTd(21, 36): BACKUP, EXTEND and CLMATCH lines. */
  readonly backup: boolean;
  line(tag: "ADVANCE" | "BACKUP " | "EXTEND " | "CLMATCH", rp: string | null, ap: string | null): void;
}

/**
 * Match lhs against pvp. Returns the number of bindings (in pattern order)
 * or -1. bindings is a scratch array reused between calls. The loop is
 * sendmail's (advance, backup, extendclass), so the -d21.35/36 traces come
 * out in the same order.
 */
export function matchRule(
  lhs: readonly string[],
  pvp: readonly string[],
  env: MatchEnv,
  bindings: Binding[],
  trace?: MatchTrace,
): number {
  const n = pvp.length;
  const m = lhs.length;
  const t35 = trace?.advance === true;
  const t36 = trace?.backup === true;
  let mlp = 0;
  let rvp = 0;
  let avp = 0;
  const slot = (i: number): Binding => {
    let b = bindings[i];
    if (b === undefined) {
      b = { pattern: 0, first: 0, last: 0 };
      bindings[i] = b;
    }
    return b;
  };
  while (avp < n || rvp < m) {
    const rp = rvp < m ? lhs[rvp]! : null;
    const ap = avp < n ? pvp[avp]! : null;
    if (t35) trace!.line("ADVANCE", rp, ap);
    let ok = true;
    let extend = false;
    if (rp === null) ok = false;
    else {
      const c = rp.charCodeAt(0);
      if (ap === null && c !== MATCHZANY && c !== CANONHOST) ok = false;
      else {
        switch (c) {
          case MATCHCLASS: {
            const b = slot(mlp);
            b.pattern = rvp;
            b.first = avp;
            extend = true;
            break;
          }
          case MATCHNCLASS: {
            if (env.inClass(rp.charCodeAt(1), ap!)) {
              ok = false;
              break;
            }
            const b = slot(mlp++);
            b.pattern = rvp;
            b.first = avp;
            b.last = avp++;
            break;
          }
          case MATCHONE:
          case MATCHANY: {
            const b = slot(mlp++);
            b.pattern = rvp;
            b.first = avp;
            b.last = avp++;
            break;
          }
          case MATCHZANY: {
            const b = slot(mlp++);
            b.pattern = rvp;
            b.first = avp;
            b.last = avp - 1;
            break;
          }
          case CANONHOST:
            break;
          case MACRODEXPAND: {
            if (rp.length === 1) {
              ok = ieq(rp, ap!);
              if (ok) avp++;
              break;
            }
            const v = env.macro(rp.charCodeAt(1));
            env.traceLhsMacro?.(rp.charCodeAt(1), v);
            if (v === undefined) break;
            const start = avp;
            let pos = 0;
            while (pos < v.length) {
              const t = pvp[avp];
              if (t === undefined || !startsWithI(v, pos, t)) {
                avp = start;
                ok = false;
                break;
              }
              pos += t.length;
              avp++;
            }
            break;
          }
          default:
            if (!ieq(rp, ap!)) ok = false;
            else avp++;
            break;
        }
      }
    }
    for (;;) {
      if (extend) {
        // extendclass: grow the class binding at mlp one token at a time
        extend = false;
        const b = bindings[mlp]!;
        const crp = lhs[b.pattern]!;
        const id = crp.charCodeAt(1);
        ok = false;
        while (avp < n) {
          const tok = pvp[avp]!;
          b.last = avp++;
          if (env.inClass(id, env.phrase(pvp, b.first, b.last))) {
            if (t36) trace!.line("CLMATCH", null, null);
            mlp++;
            ok = true;
            break;
          }
          if (t36) trace!.line("EXTEND ", crp, tok);
        }
      }
      if (ok) break;
      // backup
      let resumed = false;
      while (--mlp >= 0) {
        const b = bindings[mlp]!;
        rvp = b.pattern;
        const brp = lhs[rvp]!;
        avp = b.last + 1;
        if (t36) trace!.line("BACKUP ", brp, avp < n ? pvp[avp]! : null);
        if (avp >= n) continue;
        const c = brp.charCodeAt(0);
        if (c === MATCHANY || c === MATCHZANY) {
          b.last = avp++;
          rvp++;
          mlp++;
          resumed = true;
          break;
        }
        if (c === MATCHCLASS) {
          b.last = avp;
          extend = true;
          break;
        }
      }
      if (mlp < 0) return -1;
      if (resumed) break;
    }
    if (ok) rvp++;
  }
  return rvp < m ? -1 : mlp;
}
