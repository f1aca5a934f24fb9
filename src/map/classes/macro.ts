/* macro - the macro map: "$(macro NAME $@ VALUE $)" sets (or clears) a macro and yields nothing. */

import { NOT_FOUND, type LookupResult, type MapClassInstance, type MapContext } from "./types.js";

/** Build a macro map bound to the engine's macro table. */
export function macroMap(ctx: MapContext): MapClassInstance {
  return {
    lookup(key: string, args: readonly string[]): LookupResult {
      if (key.length === 0) return NOT_FOUND;
      let name = key;
      if (name.length > 1) {
        if (name[0] !== "{" || name[name.length - 1] !== "}") name = name[0]!;
        else name = name.slice(1, -1);
      }
      ctx.defineMacro(name, args[1] ?? null);
      return { kind: "found", value: "" };
    },
  };
}
