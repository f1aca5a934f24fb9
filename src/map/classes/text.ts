/* text - the text map: a flat file of columns (-k key column, -v value column, -z delimiter). */

import { readFileSync } from "node:fs";
import { NOT_FOUND, foundResult, lower, type LookupResult, type MapClassInstance, type MapFlags } from "./types.js";

/** Build a text map over flags.file. */
export function textMap(flags: MapFlags): MapClassInstance {
  const file = flags.file;
  const kcol = flags.keyColumn === null ? 0 : Number.parseInt(flags.keyColumn, 10);
  const vcol = flags.valueColumn === null ? 1 : Number.parseInt(flags.valueColumn, 10);
  const delim = flags.columnDelimiter;
  const split = (line: string): string[] => (delim === null ? line.trim().split(/[ \t]+/) : line.split(delim));
  return {
    lookup(key: string, args: readonly string[]): LookupResult {
      if (file === null) return NOT_FOUND;
      let text: string;
      try {
        text = readFileSync(file, "latin1");
      } catch {
        return flags.optional ? NOT_FOUND : { kind: "tempfail", reason: `${file}: cannot read` };
      }
      const want = flags.keepCase ? key : lower(key);
      for (const line of text.split("\n")) {
        if (line.length === 0 || line[0] === "#") continue;
        const cols = split(line);
        const k = cols[kcol];
        if (k === undefined) continue;
        if ((flags.keepCase ? k : lower(k)) !== want) continue;
        return foundResult(flags, key, cols[vcol] ?? "", args);
      }
      return NOT_FOUND;
    },
  };
}
