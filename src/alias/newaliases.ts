/*
 * alias/newaliases - rebuild the alias databases (newaliases, sendmail -bi).
 *
 * For each database of AliasFile: read the text file, parse it (parse.ts),
 * store every alias under its lower-cased name (a repeated name warns and
 * the later value wins), add the "@" -> "@" entry sendmail writes last to
 * mark a complete database, and install the file atomically. Messages are
 * sendmail's: "FILE: line N: ..." diagnostics and the closing
 * "FILE: N aliases, longest M bytes, T bytes total", all on standard
 * output as sendmail prints them.
 * Unlike sendmail, a file with errors (not warnings) leaves the old
 * database in place (exit 70, "not rebuilt"); sendmail would install the
 * database without the bad entries.
 */

import { readFileSync } from "node:fs";
import { AtomicFile } from "../map/atomic.js";
import { MapBuilder } from "../map/builder.js";
import { errnoText, mapFilePath } from "../map/map.js";
import { aliasMapType, type AliasFileSpec } from "./aliasfile.js";
import { parseAliases } from "./parse.js";

/** How to rebuild. */
export interface NewaliasesOptions {
  /** Program name for messages ("newaliases", "sendmail"). */
  readonly prog: string;
  /** The databases to build. */
  readonly databases: readonly AliasFileSpec[];
  /** Owner of new databases (TrustedUser, when root), or undefined. */
  readonly uid?: number;
  /** Which domains are local (for name@domain aliases). */
  readonly isLocalDomain?: (domain: string) => boolean;
  /** Install a database even when its source had errors (sendmail's way). */
  readonly installOnErrors?: boolean;
}

/** Outcome of a command: what it printed and its exit status. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Statistics sendmail prints after a rebuild. */
export interface AliasStats {
  readonly aliases: number;
  readonly longest: number;
  readonly bytes: number;
}

/** EX_SOFTWARE: what sendmail exits with after a syserr. */
const EX_SOFTWARE = 70;

/** Latin1 bytes, plus a NUL when the database stores them. */
function bytes(s: string, nul: boolean): Buffer {
  return Buffer.from(nul ? s + "\0" : s, "latin1");
}

/** Rebuild one database; returns its messages, stats and whether it failed. */
export function rebuildOne(
  spec: AliasFileSpec,
  opts: NewaliasesOptions,
): { output: string; failed: boolean; stats: AliasStats | null } {
  const type = aliasMapType(spec.cls);
  if (type === null) return { output: `setalias: unknown alias class ${spec.cls}\n`, failed: true, stats: null };
  let text: string;
  try {
    text = readFileSync(spec.file, "latin1");
  } catch (e) {
    return { output: `${opts.prog}: cannot open ${spec.file}: ${errnoText(e)}\n`, failed: false, stats: null };
  }
  const parsed = parseAliases(text, opts.isLocalDomain ? { isLocalDomain: opts.isLocalDomain } : {});
  const diags = parsed.diagnostics.slice();
  const builder = new MapBuilder(type, { nelemHint: 0 });
  let aliases = 0;
  let longest = 0;
  let total = 0;
  for (const a of parsed.entries) {
    const r = builder.put(bytes(a.key, spec.nul), bytes(a.value, spec.nul), "replace");
    if (r === "replaced") diags.push({ line: a.line, text: `${a.lhs}... Warning: duplicate alias name ${a.key}`, warning: true });
    aliases++;
    longest = Math.max(longest, a.value.length);
    total += a.key.length + a.value.length;
  }
  builder.put(bytes("@", spec.nul), bytes("@", spec.nul), "replace");
  diags.sort((x, y) => x.line - y.line);
  let err = diags.map((d) => `${spec.file}: line ${d.line}: ${d.text}\n`).join("");
  const failed = diags.some((d) => !d.warning);
  const stats = { aliases, longest, bytes: total };
  if (failed && !opts.installOnErrors) {
    err += `${spec.file}: ${diags.filter((d) => !d.warning).length} error(s): database not rebuilt, old one kept\n`;
    return { output: err, failed, stats };
  }
  const dbFile = mapFilePath(type, spec.file);
  try {
    const out = AtomicFile.create(dbFile, 0o640);
    try {
      builder.writeTo(out.fd);
    } catch (e) {
      out.abort();
      throw e;
    }
    out.commit(opts.uid);
  } catch (e) {
    return { output: `${err}${opts.prog}: cannot write ${dbFile}: ${errnoText(e)}\n`, failed: true, stats };
  }
  err += `${spec.file}: ${aliases} aliases, longest ${longest} bytes, ${total} bytes total\n`;
  return { output: err, failed, stats };
}

/** Rebuild every database; exit status 70 if any had errors. */
export function rebuildAliases(opts: NewaliasesOptions): CommandResult {
  let output = "";
  let failed = false;
  for (const spec of opts.databases) {
    const r = rebuildOne(spec, opts);
    output += r.output;
    failed ||= r.failed;
  }
  return { stdout: output, stderr: "", status: failed ? EX_SOFTWARE : 0 };
}
