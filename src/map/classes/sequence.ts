/* sequence, switch - maps that try other maps in order (switch: the order of the service switch file). */

import { NOT_FOUND, type LookupResult, type MapClassInstance, type MapContext, type MaybePromise } from "./types.js";
import { switchMethods } from "./switch_file.js";

/** Try the named maps in order: the first "found" wins; a tempfail is remembered if nothing is found. */
export function sequenceOf(names: () => readonly string[], ctx: MapContext): MapClassInstance {
  return {
    lookup(key: string, args: readonly string[]): MaybePromise<LookupResult> {
      const list = names();
      const step = (i: number, tempfail: LookupResult | null): MaybePromise<LookupResult> => {
        for (; i < list.length; i++) {
          const m = ctx.findMap(list[i]!);
          if (m === null || !m.open) continue;
          const r = m.impl.lookup(key, args);
          if (r instanceof Promise) {
            const next = i + 1;
            return r.then((x) => (x.kind === "found" ? x : step(next, x.kind === "tempfail" ? x : tempfail)));
          }
          if (r.kind === "found") return r;
          if (r.kind === "tempfail") tempfail = r;
        }
        return tempfail ?? NOT_FOUND;
      };
      return step(0, null);
    },
  };
}

/** Build a sequence map from its member list. */
export function sequenceMap(members: readonly string[], ctx: MapContext): MapClassInstance {
  return sequenceOf(() => members, ctx);
}

/** Build a switch map: members are "<name>.<method>" for each method of the service. */
export function switchMap(mapName: string, service: string, ctx: MapContext): MapClassInstance {
  return sequenceOf(() => switchMethods(ctx.serviceSwitchFile, service).map((m) => `${mapName}.${m}`), ctx);
}
