/* user - the user map: passwd entries by name (-v column: name passwd uid gid gecos dir shell). */

import { readFileSync } from "node:fs";
import { NOT_FOUND, foundResult, type LookupResult, type MapClassInstance, type MapFlags } from "./types.js";

const COLUMNS: Record<string, number> = { name: 0, passwd: 1, uid: 2, gid: 3, gecos: 4, dir: 5, shell: 6 };

/** Build a user map reading passwdFile (default /etc/passwd). */
export function userMap(flags: MapFlags, passwdFile = "/etc/passwd"): MapClassInstance {
  let table: Map<string, string[]> | null = null;
  let col = 0;
  if (flags.valueColumn !== null) {
    const named = COLUMNS[flags.valueColumn.toLowerCase()];
    col = named ?? Math.max(0, Number.parseInt(flags.valueColumn, 10) - 1);
  }
  return {
    lookup(key: string, args: readonly string[]): LookupResult {
      if (table === null) {
        table = new Map();
        let text = "";
        try {
          text = readFileSync(passwdFile, "latin1");
        } catch {
          return { kind: "tempfail", reason: `${passwdFile}: cannot read` };
        }
        for (const line of text.split("\n")) {
          const f = line.split(":");
          if (f.length >= 7 && !table.has(f[0]!)) table.set(f[0]!, f);
        }
      }
      const e = table.get(key);
      if (e === undefined) return NOT_FOUND;
      return foundResult(flags, key, flags.valueColumn === null ? key : e[col] ?? "", args);
    },
  };
}
