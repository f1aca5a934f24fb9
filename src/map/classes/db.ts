/*
 * db - hash, btree, cdb and implicit maps through the map layer
 * (src/map/map.ts openMap). The file is opened on first lookup; a missing
 * non-optional file makes the map "not open", as sendmail's openmap() fails.
 */

import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { mapFilePath, openMap, type MapHandle, type MapType } from "../map.js";
import { NOT_FOUND, foundResult, type LookupResult, type MapClassInstance, type MapFlags } from "./types.js";

/**
 * safedirpath() as map opens use it (SFF_SAFEDIRPATH): every directory from
 * / down to the file's must be neither world nor group writable. Returns
 * the error text, or null.
 */
export function unsafeDirPath(file: string): string | null {
  const dirs: string[] = [];
  for (let d = dirname(resolve(file)); ; d = dirname(d)) {
    dirs.unshift(d);
    if (d === dirname(d)) break;
  }
  for (const d of dirs) {
    let mode: number;
    try {
      mode = statSync(d).mode;
    } catch {
      return null;
    }
    if ((mode & 0o002) !== 0) return "World writable directory";
    if ((mode & 0o020) !== 0) return "Group writable directory";
  }
  return null;
}

/**
 * Build a database map of the given type. On first use the file's directory
 * path is checked as sendmail's map open does: an unsafe one makes every
 * lookup a temporary failure, and (for an explicit class) prints
 * `hash map "name": unsafe map file F: ...` through report.
 */
export function dbMap(
  type: MapType,
  flags: MapFlags,
  mapName = "",
  report?: (message: string, status: number) => void,
): MapClassInstance & { readonly isOpen: () => boolean } {
  let handle: MapHandle | null = null;
  const file = flags.file;
  const isOpen = (): boolean => file !== null && existsSync(mapFilePath(type, file));
  let checked = false;
  let unsafe: string | null = null;
  const open = (): void => {
    if (checked || file === null) return;
    checked = true;
    if (!existsSync(mapFilePath(type, file))) return;
    const why = unsafeDirPath(mapFilePath(type, file));
    if (why === null) return;
    unsafe = why;
    if (type !== "implicit") report?.(`${type} map "${mapName}": unsafe map file ${mapFilePath(type, file)}: ${why}`, 71);
  };
  return {
    isOpen,
    open,
    lookup(key: string, args: readonly string[]): LookupResult {
      if (file === null) return NOT_FOUND;
      open();
      if (unsafe !== null) return { kind: "tempfail", reason: unsafe };
      handle ??= openMap(type, file, { keepCase: flags.keepCase, nul: flags.nul, optional: flags.optional, watch: false });
      const r = handle.lookup(key);
      if (r.kind === "found") return foundResult(flags, key, r.value, args);
      return r;
    },
  };
}
