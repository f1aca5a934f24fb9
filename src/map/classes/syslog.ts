/* syslog - the syslog map: log the key (to the engine's log) and yield nothing. */

import { NOT_FOUND, type LookupResult, type MapClassInstance, type MapContext } from "./types.js";

/** Build a syslog map. */
export function syslogMap(ctx: MapContext): MapClassInstance {
  return {
    lookup(key: string): LookupResult {
      ctx.log(key);
      return NOT_FOUND;
    },
  };
}
