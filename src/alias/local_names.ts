/*
 * alias/local_names - which domains are this host's (class w), for alias
 * names written as name@domain.
 *
 * newaliases accepts "root@localhost:" but rejects "root@example.com:"
 * ("cannot alias non-local names"). Without the ruleset engine we take the
 * host's names, localhost, and the words of the cf's Cw lines and Fw files.
 */

import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/** Words of class w found in cf text (C lines and F files). */
export function classWFromCf(cfText: string): string[] {
  const words: string[] = [];
  for (const raw of cfText.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line.startsWith("Cw")) words.push(...line.slice(2).trim().split(/\s+/));
    else if (line.startsWith("Fw")) {
      let file = line.slice(2).trim();
      if (file.startsWith("-o")) file = file.slice(2).trim();
      file = file.split(/\s+/)[0] ?? "";
      if (file.startsWith("/")) {
        try {
          for (const l of readFileSync(file, "latin1").split("\n")) {
            if (!l.startsWith("#")) words.push(...l.trim().split(/\s+/));
          }
        } catch {
          /* optional or missing file */
        }
      }
    }
  }
  return words.filter((w) => w.length > 0 && !w.startsWith("$"));
}

/** A predicate for local domains: localhost, the host name, extra names. */
export function localDomainPredicate(extra: readonly string[] = []): (domain: string) => boolean {
  const names = new Set<string>(["localhost", "localhost.localdomain", "[127.0.0.1]"]);
  const h = hostname().toLowerCase();
  names.add(h);
  names.add(h.split(".")[0]!);
  for (const w of extra) names.add(w.toLowerCase().replace(/\.$/, ""));
  return (domain: string) => names.has(domain.toLowerCase().replace(/\.$/, ""));
}
