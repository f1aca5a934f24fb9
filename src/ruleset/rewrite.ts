/*
 * rewrite - sendmail's rewrite() and callsubr(): apply a ruleset to a
 * token list, with $: / $@ prefixes, $n substitution, $&x expansion,
 * $[ $] and $( $) lookups, $> subroutine calls (right-most first, each
 * rewriting the tail of the list in place), and the loop and recursion
 * limits with sendmail's messages.
 *
 * The driver is a generator: it yields only when a map lookup returns a
 * Promise, so rulesets whose maps answer synchronously run without any
 * await (run() below resumes synchronously until a real Promise shows up).
 */

import {
  CALLSUBR,
  CANONHOST,
  CANONNET,
  CANONUSER,
  HOSTBEGIN,
  HOSTEND,
  LOOKUPBEGIN,
  LOOKUPEND,
  MACRODEXPAND,
  MATCHREPL,
} from "../cf/chars.js";
import { cataddr, scanAddress, stripquotes } from "./address.js";
import { matchRule, type Binding, type MatchTrace } from "./match.js";
import { xputs } from "../cf/render.js";
import { pad16, printav } from "./trace.js";
import type { Engine } from "./engine.js";
import type { LookupResult, MaybePromise } from "../map/classes/types.js";

export const EX_OK = 0;
export const EX_USAGE = 64;
export const EX_DATAERR = 65;
export const EX_TEMPFAIL = 75;
export const EX_CONFIG = 78;
export const MAXATOM = 1000;
const MAX_SUBR = 100;
const MAXKEY = 1024;

type Step = Generator<Promise<LookupResult>, number, LookupResult>;

/** Drive a generator: synchronous while every yielded lookup is synchronous. */
export function run(gen: Step): MaybePromise<number> {
  let r = gen.next();
  while (!r.done) {
    const p = r.value;
    return (async () => {
      let x = await p;
      let s = gen.next(x);
      while (!s.done) {
        x = await s.value;
        s = gen.next(x);
      }
      return s.value;
    })();
  }
  return r.value;
}

/** rewrite(pvp, ruleset, reclevel, maxatom): pvp is rewritten in place; returns an EX_ status. */
export function* rewrite(eng: Engine, pvp: string[], ruleset: number, reclevel: number, maxatom: number): Step {
  const rulename = eng.rulesetName(ruleset);
  const traceIo = eng.testMode || eng.debug.on(21, 1);
  if (traceIo) eng.out(`${pad16(rulename)}   input:${printav(pvp, 0, eng.namer)}`);
  if (reclevel++ > eng.maxRuleRecursion) {
    eng.syserr(`rewrite: excessive recursion (max ${eng.maxRuleRecursion}), ruleset ${rulename}`);
    return EX_CONFIG;
  }
  if (ruleset < 0 || ruleset >= 200) {
    eng.syserr(`rewrite: illegal ruleset number ${ruleset}`);
    return EX_CONFIG;
  }
  const rules = eng.rules(ruleset);
  const bindings: Binding[] = [];
  const t12 = eng.debug.on(21, 12);
  const t10 = eng.debug.on(21, 10);
  const t4 = eng.debug.on(21, 4);
  const t15 = eng.debug.on(21, 15);
  const mtrace: MatchTrace | undefined =
    eng.debug.on(21, 35) || eng.debug.on(21, 36)
      ? {
          advance: eng.debug.on(21, 35),
          backup: eng.debug.on(21, 36),
          line: (tag, rp, ap) =>
            eng.out(tag === "CLMATCH" ? "CLMATCH\n" : `${tag} rp=${xputs(rp, eng.namer)}, ap=${xputs(ap, eng.namer)}\n`),
        }
      : undefined;
  let rstat = EX_OK;
  let ruleno = 1;
  let loopcount = 0;
  let ri = 0;
  while (ri < rules.length) {
    const rule = rules[ri]!;
    if (pvp.length > 0 && pvp[0]!.charCodeAt(0) === CANONNET) break;
    if (t12) eng.out(`-----trying rule${t15 ? ` (line ${rule.line})` : ""}:${printav(rule.lhs, 0, eng.namer)}`);
    if (++loopcount > 100) {
      eng.syserr(`Infinite loop in ruleset ${rulename}, rule ${ruleno}`);
      if (eng.debug.on(21, 1)) eng.out(`workspace: ${printav(pvp, 0, eng.namer)}`);
      break;
    }
    const nb = matchRule(rule.lhs, pvp, eng, bindings, mtrace);
    if (nb < 0) {
      if (t10) eng.out("----- rule fails\n");
      ri++;
      ruleno++;
      loopcount = 0;
      continue;
    }
    const rhs = rule.rhs;
    if (t12) eng.out(`-----rule matches:${printav(rhs, 0, eng.namer)}`);
    let k = 0;
    if (rhs.length > 0) {
      const c = rhs[0]!.charCodeAt(0);
      if (c === CANONUSER) {
        k = 1;
        ri++;
        ruleno++;
        loopcount = 0;
      } else if (c === CANONHOST) {
        k = 1;
        ri = rules.length;
      }
    }
    // substitute
    const npvp: string[] = [];
    for (; k < rhs.length; k++) {
      const rp = rhs[k]!;
      const c = rp.charCodeAt(0);
      if (c === MATCHREPL) {
        const idx = rp.charCodeAt(1) - 0x31;
        if (idx < 0 || idx >= nb) {
          eng.syserr(`rewrite: ruleset ${rulename}: replacement $${rp[1] ?? ""} out of bounds`);
          return EX_CONFIG;
        }
        const b = bindings[idx]!;
        if (t15) eng.out(`$${rp[1]!}:${tokenPointers(pvp, b.first, b.last)}\n`);
        for (let p = b.first; p <= b.last; p++) {
          if (npvp.length >= maxatom) return tooLong(eng);
          npvp.push(pvp[p]!);
        }
        continue;
      }
      if (npvp.length >= maxatom) return tooLong(eng);
      if (c !== MACRODEXPAND || rp.length < 2) {
        npvp.push(rp);
        continue;
      }
      const mval = eng.macvalue(rp.charCodeAt(1));
      if (eng.debug.on(21, 2)) eng.out(`rewrite: RHS $&{${eng.ids.nameOf(rp.charCodeAt(1))}} => "${mval ?? "(NULL)"}"\n`);
      if (mval === undefined || mval.length === 0) continue;
      const sc = scanAddress(mval, 0, eng.tables.ext, (t) => eng.usrerr(t), eng.eightBitAddrOk);
      if (sc.tokens === null) return EX_DATAERR;
      const t19 = eng.debug.on(21, 19);
      for (const t of sc.tokens) {
        if (t19) eng.out(` ... ${xputs(t, eng.namer)}\n`);
        npvp.push(t);
        if (npvp.length >= maxatom) return tooLong(eng);
      }
      if (t19) eng.out(" ... DONE\n");
    }
    // $[ $] and $( $) lookups
    for (let i = 0; i < npvp.length; i++) {
      const c0 = npvp[i]!.charCodeAt(0);
      let endtoken: number;
      let mapname: string;
      let j = i;
      if (c0 === HOSTBEGIN) {
        endtoken = HOSTEND;
        mapname = "host";
      } else if (c0 === LOOKUPBEGIN) {
        endtoken = LOOKUPEND;
        j++;
        if (j >= npvp.length) {
          eng.syserr("rewrite: missing mapname");
          return EX_CONFIG;
        }
        mapname = npvp[j]!;
      } else continue;
      const map = eng.maps.get(mapname);
      if (map === null) eng.syserr(`rewrite: map ${mapname} not found`);
      const keyStart = ++j;
      let keyEnd = -1;
      let defStart = -1;
      let defEnd = -1;
      let argStart = -1;
      const args: string[] = [];
      const closeArg = (end: number): void => {
        if (argStart >= 0) {
          if (args.length < 9) args.push(cataddr(npvp, argStart, end - 1, eng.spaceSub, eng.tables.int));
          argStart = -1;
        }
      };
      while (j < npvp.length && npvp[j]!.charCodeAt(0) !== endtoken) {
        const t = npvp[j]!.charCodeAt(0);
        if (t !== CANONHOST && t !== CANONUSER) {
          j++;
          continue;
        }
        if (keyEnd < 0) keyEnd = j;
        if (defStart >= 0 && defEnd < 0) defEnd = j;
        closeArg(j);
        if (t === CANONHOST) argStart = j + 1;
        else defStart = j + 1;
        j++;
      }
      if (keyEnd < 0) keyEnd = j;
      if (defStart >= 0 && defEnd < 0) defEnd = j;
      closeArg(j);
      const after = j < npvp.length ? j + 1 : j;
      const spaceSub = map?.flags.spaceSub ?? eng.spaceSub;
      let key = cataddr(npvp, keyStart, keyEnd - 1, spaceSub, eng.tables.ext, MAXKEY);
      let replac: string | null = null;
      let external = false;
      if (map !== null && map.open) {
        if (!map.flags.keepQuotes) key = stripquotes(key);
        const av = [key, ...args];
        let res = map.impl.lookup(key, av);
        if (res instanceof Promise) res = yield res;
        if (res.kind === "found") {
          replac = res.value;
          external = true;
        } else if (res.kind === "tempfail") {
          if (!map.flags.noDefer) rstat = EX_TEMPFAIL;
          if (map.flags.tempfailAppend !== null) {
            replac = key + map.flags.tempfailAppend;
            external = true;
          }
        } else if (res.kind === "error") {
          rstat = rstat === EX_OK ? rstat : rstat;
        }
      }
      if (replac === null && defStart >= 0) {
        replac = cataddr(npvp, defStart, defEnd - 1, eng.spaceSub, eng.tables.int, MAXKEY);
        external = false;
      }
      let xpvp: string[];
      if (replac === null) xpvp = npvp.slice(keyStart, keyEnd);
      else if (replac.length === 0) xpvp = [];
      else {
        const sc = scanAddress(replac, 0, external ? eng.tables.ext : eng.tables.int, (t) => eng.usrerr(t), eng.eightBitAddrOk);
        if (sc.tokens === null) return EX_DATAERR;
        xpvp = sc.tokens;
      }
      npvp.splice(i, after - i, ...xpvp);
      if (npvp.length > maxatom) return tooLong(eng);
      i += xpvp.length - 1;
    }
    // subroutine calls
    const gen = callsubr(eng, npvp, reclevel, rule.rhs as string[]);
    let sr = gen.next();
    while (!sr.done) sr = gen.next(yield sr.value);
    const status = sr.value;
    if (rstat === EX_OK || status === EX_TEMPFAIL) rstat = status;
    pvp.length = 0;
    for (const t of npvp) pvp.push(t);
    if (t4) eng.out(`rewritten as:${printav(pvp, 0, eng.namer)}`);
  }
  if (traceIo) eng.out(`${pad16(rulename)} returns:${printav(pvp, 0, eng.namer)}`);
  return rstat;
}

function tooLong(eng: Engine): number {
  eng.syserr("rewrite: expansion too long");
  return EX_DATAERR;
}

/** callsubr(): find the $> calls, then run them right to left on the tail of the list. */
function* callsubr(eng: Engine, pvp: string[], reclevel: number, ruleRhs: string[]): Step {
  const subrs: { rs: number; index: number }[] = [];
  for (let j = 0; j < pvp.length; j++) {
    if (pvp[j]!.charCodeAt(0) !== CALLSUBR || j + 1 >= pvp.length) continue;
    const raw = pvp[j + 1]!;
    const name = stripquotes(raw);
    if (name !== raw) {
      pvp[j + 1] = name;
      const at = ruleRhs.indexOf(raw);
      if (at >= 0) ruleRhs[at] = name;
    }
    const rs = eng.strtorwset(name);
    if (rs < 0) {
      eng.syserr(`Unknown ruleset ${name}`);
      return EX_CONFIG;
    }
    if (eng.rules(rs).length === 0) {
      if (eng.debug.on(21, 3)) eng.out(`-----skip subr ${name} (${rs})\n`);
      pvp.splice(j, 2);
      continue;
    }
    if (subrs.length + 1 >= MAX_SUBR) {
      eng.syserr(`Too many subroutine calls (${MAX_SUBR} max)`);
      return EX_CONFIG;
    }
    subrs.push({ rs, index: j });
  }
  let rstat = EX_OK;
  for (let s = subrs.length - 1; s >= 0; s--) {
    const { rs, index } = subrs[s]!;
    const tail = pvp.slice(index + 2);
    const gen = rewrite(eng, tail, rs, reclevel, MAXATOM - index);
    let r = gen.next();
    while (!r.done) r = gen.next(yield r.value);
    pvp.length = index;
    for (const t of tail) pvp.push(t);
    const status = r.value;
    if (status !== EX_OK && status !== EX_TEMPFAIL) return status;
    if (rstat === EX_OK || status === EX_TEMPFAIL) rstat = status;
  }
  return rstat;
}

/**
 * The -d21.15 binding trace prints each token as `%p="%s"`; sendmail's
 * pointers are stack addresses into its token buffer. We print the same
 * layout (each token followed by its NUL) from a fixed base.
 */
function tokenPointers(pvp: readonly string[], first: number, last: number): string {
  let off = 0;
  for (let i = 0; i < first; i++) off += pvp[i]!.length + 1;
  let out = "";
  for (let i = first; i <= last && i < pvp.length; i++) {
    out += ` 0x${(0x7ffc00000000 + off).toString(16)}="${pvp[i]!}"`;
    off += pvp[i]!.length + 1;
  }
  return out;
}
