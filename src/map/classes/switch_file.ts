/* switch_file - read sendmail's service switch file ("service method method ..."). */

import { readFileSync } from "node:fs";

const cache = new Map<string, Map<string, string[]>>();

/** The methods listed for a service; sendmail's defaults when the file or the service is missing. */
export function switchMethods(file: string, service: string): string[] {
  let table = cache.get(file);
  if (table === undefined) {
    table = new Map();
    let text: string | null = null;
    try {
      text = readFileSync(file, "latin1");
    } catch {
      text = null;
    }
    if (text !== null) {
      for (const raw of text.split("\n")) {
        const line = raw.replace(/#.*/, "").trim();
        if (line.length === 0) continue;
        const words = line.split(/[ \t:]+/).filter((w) => w.length > 0);
        if (words.length > 0 && !table.has(words[0]!)) table.set(words[0]!, words.slice(1));
      }
    }
    cache.set(file, table);
  }
  const found = table.get(service);
  if (found !== undefined) return found;
  if (service === "hosts") return ["dns", "files"];
  if (service === "aliases") return ["files"];
  return [];
}
