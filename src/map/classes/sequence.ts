/* sequence, switch - maps that try other maps in order (switch: the order of the service switch file). */

import { type LookupResult, type MapClassInstance, type MapContext, type MaybePromise } from "./types.js";
import { switchMethods } from "./switch_file.js";

/** EX_NOTFOUND (= EX_NOHOST). */
const EX_NOTFOUND = 68;

/** Try the named maps in order: the first "found" wins; a tempfail is remembered if nothing is found. */
export function sequenceOf(names: () => readonly string[], ctx: MapContext): MapClassInstance {
  return {
    lookup(key: string, args: readonly string[]): MaybePromise<LookupResult> {
      const list = names();
      // seq_map_lookup(): the last member's status stays; none (EX_OK) becomes EX_NOTFOUND (68)
      const statusOf = (x: LookupResult): number => (x.kind === "notfound" ? (x.status ?? 0) : x.kind === "error" ? x.status : 0);
      const step = (i: number, tempfail: LookupResult | null, last: number): MaybePromise<LookupResult> => {
        for (; i < list.length; i++) {
          const m = ctx.findMap(list[i]!);
          if (m === null || !m.open) continue;
          m.impl.open?.();
          const r = m.impl.lookup(key, args);
          if (r instanceof Promise) {
            const next = i + 1;
            return r.then((x) => (x.kind === "found" ? x : step(next, x.kind === "tempfail" ? x : tempfail, statusOf(x))));
          }
          if (r.kind === "found") return r;
          if (r.kind === "tempfail") tempfail = r;
          last = statusOf(r);
        }
        if (tempfail !== null) return tempfail;
        return { kind: "notfound", status: last === 0 ? EX_NOTFOUND : last };
      };
      return step(0, null, 0);
    },
  };
}

/** Build a sequence map from its member list. */
export function sequenceMap(members: readonly string[], ctx: MapContext): MapClassInstance {
  return sequenceOf(() => members, ctx);
}

/** Build a switch map: members are "<name>.<method>" for each method of the service. */
export function switchMap(mapName: string, service: string, ctx: MapContext): MapClassInstance {
  let members: string[] | null = null;
  // switch_map_open(): each method names the map "<name>.<method>"; a missing one is a syserr
  const open = (): string[] => {
    if (members !== null) return members;
    members = [];
    for (const m of switchMethods(ctx.serviceSwitchFile, service)) {
      const name = `${mapName}.${m}`;
      if (ctx.findMap(name) === null) ctx.syserr?.(`Switch map ${mapName}: unknown member map ${name}`);
      else members.push(name);
    }
    return members;
  };
  const seq = sequenceOf(open, ctx);
  return { lookup: seq.lookup, open: () => void open() };
}
