/*
 * cf_options - the few sendmail.cf options the map tools need.
 *
 * makemap wants TrustedUser (to hand new maps to that user when run as
 * root), newaliases and praliases want AliasFile. A full cf load is the
 * engine's business; these tools only scan "O Name=value" lines (and the
 * one-letter form "OAvalue" for AliasFile), the last setting winning, and
 * resolve user names through /etc/passwd.
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Long option name -> one-letter name, for the options we read. */
const SHORT_NAMES: Record<string, string> = { AliasFile: "A" };

/** The checkout this module belongs to (dist/map/ is two levels down). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The configuration used when no -C is given: ours if built, else the system's. */
export function defaultConfigFile(): string {
  const ours = join(ROOT, "var", "sendmail.cf");
  return existsSync(ours) ? ours : "/etc/mail/sendmail.cf";
}

/** Every value given to option `name` in cf text, in order. */
export function cfOptionValues(text: string, name: string): string[] {
  const out: string[] = [];
  const short = SHORT_NAMES[name];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\r$/, "");
    if (line[0] !== "O") continue;
    if (line[1] === " " || line[1] === "\t") {
      const body = line.slice(2).trimStart();
      const eq = body.indexOf("=");
      const key = (eq < 0 ? body : body.slice(0, eq)).trim();
      if (key.toLowerCase() === name.toLowerCase()) out.push(eq < 0 ? "" : body.slice(eq + 1).trim());
    } else if (short !== undefined && line[1] === short) {
      out.push(line.slice(2).trim());
    }
  }
  return out;
}

/** The last value of option `name` in cf text, or undefined. */
export function cfOption(text: string, name: string): string | undefined {
  const v = cfOptionValues(text, name);
  return v.length > 0 ? v[v.length - 1] : undefined;
}

/** uid of a user name (or a number) from /etc/passwd, or undefined. */
export function lookupUid(user: string, passwd = "/etc/passwd"): number | undefined {
  if (/^\d+$/.test(user)) return Number(user);
  let text: string;
  try {
    text = readFileSync(passwd, "latin1");
  } catch {
    return undefined;
  }
  for (const line of text.split("\n")) {
    const f = line.split(":");
    if (f[0] === user && f.length >= 3 && /^\d+$/.test(f[2]!)) return Number(f[2]);
  }
  return undefined;
}
