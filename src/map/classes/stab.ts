/* stab - the stab map: sendmail's internal symbol table of aliases; nothing is ever entered here. */

import { NOT_FOUND, type LookupResult, type MapClassInstance } from "./types.js";

/** Build a stab map (no entries: aliases are not loaded into a symbol table by this engine). */
export function stabMap(): MapClassInstance {
  return { lookup: (): LookupResult => NOT_FOUND };
}
