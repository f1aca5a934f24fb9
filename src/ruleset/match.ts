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

/**
 * Match lhs against pvp. Returns the bindings (in pattern order) or null.
 * bindings is a scratch array reused between calls.
 */
export function matchRule(lhs: readonly string[], pvp: readonly string[], env: MatchEnv, bindings: Binding[]): number {
  const n = pvp.length;
  const m = lhs.length;
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
  // extend the class binding at index i starting at token avp; true on success
  const extendClass = (i: number): boolean => {
    const b = bindings[i]!;
    const id = lhs[b.pattern]!.charCodeAt(1);
    for (;;) {
      if (avp >= n) return false;
      b.last = avp++;
      if (env.inClass(id, env.phrase(pvp, b.first, b.last))) return true;
    }
  };
  while (avp < n || rvp < m) {
    let ok = true;
    if (rvp >= m) ok = false;
    else {
      const rp = lhs[rvp]!;
      const c = rp.charCodeAt(0);
      if (avp >= n && c !== MATCHZANY && c !== CANONHOST) ok = false;
      else {
        switch (c) {
          case MATCHCLASS: {
            const b = slot(mlp);
            b.pattern = rvp;
            b.first = avp;
            if (extendClass(mlp)) mlp++;
            else ok = false;
            break;
          }
          case MATCHNCLASS: {
            if (env.inClass(rp.charCodeAt(1), pvp[avp]!)) {
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
              ok = ieq(rp, pvp[avp]!);
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
            if (!ieq(rp, pvp[avp]!)) ok = false;
            else avp++;
            break;
        }
      }
    }
    if (ok) {
      rvp++;
      continue;
    }
    // back up
    let resumed = false;
    while (--mlp >= 0) {
      const b = bindings[mlp]!;
      rvp = b.pattern;
      const c = lhs[rvp]!.charCodeAt(0);
      avp = b.last + 1;
      if (avp >= n) continue;
      if (c === MATCHANY || c === MATCHZANY) {
        b.last = avp++;
        rvp++;
        mlp++;
        resumed = true;
        break;
      }
      if (c === MATCHCLASS) {
        if (extendClass(mlp)) {
          rvp++;
          mlp++;
          resumed = true;
          break;
        }
      }
    }
    if (!resumed) return -1;
  }
  return rvp < m ? -1 : mlp;
}
