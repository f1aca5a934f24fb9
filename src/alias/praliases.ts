/*
 * alias/praliases - print the alias databases (sendmail 8.17's praliases).
 *
 *   praliases [-C cffile] [-f aliasfile] [key ...]
 *
 * Without keys every entry of every database of AliasFile (or of the -f
 * file) is printed as "key:value" in the database's order, the "@:@"
 * marker included; with keys each is looked up as given (no case folding)
 * and printed as "key:value" or "key: No such key". Keys and values are
 * printed up to a NUL (databases built with -N store one).
 */

import { getopt } from "../map/getopt.js";
import type { MakemapIO } from "../map/makemap.js";
import { errnoText, mapFilePath, openMapFileOnce } from "../map/map.js";
import { MapFormatError } from "../map/bdb_common.js";
import { loadAliasConfig } from "./alias_config.js";
import { aliasMapType, type AliasFileSpec } from "./aliasfile.js";

/** praliases' usage text. */
export const PRALIASES_USAGE = "usage: praliases [-C cffile] [-f aliasfile] [key ...]\n";

/** Bytes up to the first NUL, as latin1. */
function cText(b: Buffer): string {
  const z = b.indexOf(0);
  return (z >= 0 ? b.subarray(0, z) : b).toString("latin1");
}

/** Print one database (all of it, or the given keys). */
function printDatabase(spec: AliasFileSpec, keys: readonly string[], io: MakemapIO): void {
  const type = aliasMapType(spec.cls);
  if (type === null) {
    io.stderr(`praliases: ${spec.file}: open: Unknown database type\n`);
    return;
  }
  let opened;
  try {
    opened = openMapFileOnce(spec.cls === "implicit" ? "implicit" : type, mapFilePath(type, spec.file));
  } catch (e) {
    const why = spec.cls === "implicit" ? "Unknown database type" : e instanceof MapFormatError ? e.message : errnoText(e);
    io.stderr(`praliases: ${spec.file}: open: ${why}\n`);
    return;
  }
  try {
    let out = "";
    if (keys.length === 0) {
      for (const [k, v] of opened.reader.entries()) out += `${cText(k)}:${cText(v)}\n`;
    } else {
      for (const key of keys) {
        const kb = Buffer.from(key, "latin1");
        const v = opened.reader.get(kb) ?? opened.reader.get(Buffer.concat([kb, Buffer.alloc(1)]));
        out += v === null ? `${key}: No such key\n` : `${key}:${cText(v)}\n`;
      }
    }
    io.stdout(out);
  } catch (e) {
    io.stderr(`praliases: ${spec.file}: ${e instanceof Error ? e.message : String(e)}\n`);
  } finally {
    opened.close();
  }
}

/** Run praliases with argv (without the program name); returns the exit status. */
export function praliasesMain(argv: readonly string[], io: MakemapIO, prog = "praliases"): number {
  const { events, operands } = getopt(argv, "C:f:", prog);
  let cf: string | null = null;
  let file: string | null = null;
  for (const ev of events) {
    if (ev.kind === "error") {
      io.stderr(ev.text);
      io.stderr(PRALIASES_USAGE);
      return 64;
    }
    if (ev.opt === "C") cf = ev.arg;
    else if (ev.opt === "f") file = ev.arg;
  }
  let databases: AliasFileSpec[];
  if (file !== null) {
    databases = [{ cls: "implicit", file, nul: false, spec: file }];
  } else {
    const conf = loadAliasConfig(cf, []);
    if ("error" in conf) {
      io.stderr(`praliases: ${conf.error}\n`);
      return 66;
    }
    databases = conf.databases;
  }
  for (const spec of databases) printDatabase(spec, operands, io);
  return 0;
}
