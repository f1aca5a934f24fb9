/*
 * db - hash, btree, cdb and implicit maps through the map layer
 * (src/map/map.ts openMap). The file is opened on first lookup; a missing
 * non-optional file makes the map "not open", as sendmail's openmap() fails.
 */

import { existsSync } from "node:fs";
import { mapFilePath, openMap, type MapHandle, type MapType } from "../map.js";
import { NOT_FOUND, foundResult, type LookupResult, type MapClassInstance, type MapFlags } from "./types.js";

/** Build a database map of the given type. */
export function dbMap(type: MapType, flags: MapFlags): MapClassInstance & { readonly isOpen: () => boolean } {
  let handle: MapHandle | null = null;
  const file = flags.file;
  const isOpen = (): boolean => file !== null && existsSync(mapFilePath(type, file));
  return {
    isOpen,
    lookup(key: string, args: readonly string[]): LookupResult {
      if (file === null) return NOT_FOUND;
      handle ??= openMap(type, file, { keepCase: flags.keepCase, nul: flags.nul, optional: flags.optional, watch: false });
      const r = handle.lookup(key);
      if (r.kind === "found") return foundResult(flags, key, r.value, args);
      return r;
    },
  };
}
