/*
 * makemap - sendmail 8.17's makemap on our map formats.
 *
 * Builds a hash, btree or cdb map from "key value" lines on standard input,
 * dumps one (-u), or lists the supported types (-l, -x). Messages, exit
 * statuses and the input rules are those of sendmail's makemap (checked
 * against Debian's build). Two deliberate differences, both for safety:
 * the map is written to a temporary file beside the old one and renamed
 * into place, and when the input has errors (a malformed line, a duplicate
 * key) the old map is left untouched, with a final message saying so,
 * where sendmail's makemap would install the map without the bad lines.
 */

import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { AtomicFile } from "./atomic.js";
import { MapBuilder, type PutMode, type WritableType } from "./builder.js";
import { cfOption, defaultConfigFile, lookupUid } from "./cf_options.js";
import { errnoText, mapFilePath, openMapFileOnce, type MapType } from "./map.js";
import { MapFormatError } from "./bdb_common.js";
import { parseMakemapInput } from "./makemap_input.js";

/** sysexits.h values makemap uses. */
export const EX_OK = 0;
export const EX_USAGE = 64;
export const EX_DATAERR = 65;
export const EX_NOINPUT = 66;
export const EX_SOFTWARE = 70;
export const EX_CANTCREAT = 73;
export const EX_IOERR = 74;

/** Everything the command line can say. */
export interface MakemapOptions {
  readonly cf: string | null;
  readonly nul: boolean;
  readonly comment: number | null;
  readonly allowDups: boolean;
  readonly allowEmpty: boolean;
  readonly keepCase: boolean;
  readonly fallbackType: string | null;
  readonly append: boolean;
  readonly replace: boolean;
  readonly unsafe: boolean;
  readonly sep: number | null;
  readonly dump: boolean;
  readonly verbose: boolean;
  readonly type: string;
  readonly name: string;
}

/** Where the command reads and writes. */
export interface MakemapIO {
  readonly stdin: () => Buffer;
  readonly stdout: (s: string | Buffer) => void;
  readonly stderr: (s: string) => void;
  /** Effective uid (root hands new maps to TrustedUser). */
  readonly euid?: number;
}

/** The types this makemap handles, in -l order. */
export const MAP_TYPES: ReadonlyArray<readonly [string, string]> = [
  ["hash", "db"],
  ["btree", "db"],
  ["cdb", "cdb"],
  ["implicit", ""],
];

/** Text of makemap -l (types) or -x (types with their file extensions). */
export function listTypes(extended: boolean): string {
  return MAP_TYPES.map(([t, ext]) => (extended ? `${t}:${ext}\n` : `${t}\n`)).join("");
}

/** A known type name resolved to the format that handles it, or null. */
function resolveType(t: string): WritableType | null {
  if (t === "hash" || t === "btree" || t === "cdb") return t;
  if (t === "implicit") return "hash";
  return null;
}

/** A key or value as makemap prints it: up to the first NUL. */
function cText(b: Buffer): Buffer {
  const z = b.indexOf(0);
  return z >= 0 ? b.subarray(0, z) : b;
}

/** The uid new maps should belong to, or undefined to leave them ours. */
function trustedUid(o: MakemapOptions, io: MakemapIO): { uid?: number; error?: string } {
  const cf = o.cf ?? defaultConfigFile();
  let text: string;
  try {
    text = readFileSync(cf, "latin1");
  } catch (e) {
    if (o.cf !== null) return { error: `makemap: ${cf}: ${errnoText(e)}\n` };
    return {};
  }
  const user = cfOption(text, "TrustedUser");
  const euid = io.euid ?? (typeof process.geteuid === "function" ? process.geteuid() : -1);
  if (user === undefined || user === "" || euid !== 0) return {};
  const uid = lookupUid(user);
  return uid === undefined ? {} : { uid };
}

/** makemap -u: print every pair of the map. */
function dumpMap(o: MakemapOptions, type: WritableType, io: MakemapIO): number {
  const file = mapFilePath(type as MapType, o.name);
  let opened;
  try {
    opened = openMapFileOnce(type as MapType, file);
  } catch (e) {
    const why = e instanceof MapFormatError ? e.message : errnoText(e);
    io.stderr(`makemap: error opening type ${o.type} map ${o.name}: ${why}\n`);
    return EX_CANTCREAT;
  }
  const sep = Buffer.from([o.sep ?? 0x09]);
  const nl = Buffer.from("\n");
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (const [k, v] of opened.reader.entries()) {
      chunks.push(cText(k), sep, cText(v), nl);
      size += k.length + v.length + 2;
      if (size > 1 << 20) {
        io.stdout(Buffer.concat(chunks));
        chunks.length = 0;
        size = 0;
      }
    }
  } catch (e) {
    io.stdout(Buffer.concat(chunks));
    io.stderr(`makemap: ${o.name}: error reading map: ${e instanceof Error ? e.message : String(e)}\n`);
    return EX_IOERR;
  } finally {
    opened.close();
  }
  io.stdout(Buffer.concat(chunks));
  return EX_OK;
}

/** Run makemap with parsed options; returns the exit status. */
export function runMakemap(o: MakemapOptions, io: MakemapIO): number {
  let type = resolveType(o.type);
  if (type === null && o.fallbackType !== null) type = resolveType(o.fallbackType);
  if (type === null) {
    io.stderr(`makemap: error opening type ${o.type} map ${o.name}: Unknown database type\n`);
    return EX_CANTCREAT;
  }
  const owner = trustedUid(o, io);
  if (owner.error !== undefined) {
    io.stderr(owner.error);
    return EX_NOINPUT;
  }
  if (o.dump) return dumpMap(o, type, io);
  return buildMap(o, type, owner.uid, io);
}

/** Build the map from standard input and install it. */
function buildMap(o: MakemapOptions, type: WritableType, uid: number | undefined, io: MakemapIO): number {
  let file = mapFilePath(type as MapType, o.name);
  const openError = (why: string): number => {
    io.stderr(`makemap: error opening type ${o.type} map ${o.name}: ${why}\n`);
    return EX_CANTCREAT;
  };
  try {
    if (lstatSync(file).isSymbolicLink()) {
      if (!o.unsafe) return openError("Symbolic links not allowed");
      file = realpathSync(file);
    }
  } catch {
    /* no such file yet */
  }
  const builder = new MapBuilder(type, { allowDups: o.allowDups, nelemHint: type === "hash" ? 4096 : 0 });
  if (o.append) {
    try {
      const old = openMapFileOnce(type as MapType, file);
      try {
        for (const [k, v] of old.reader.entries()) builder.put(k, v, "dup");
      } finally {
        old.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
        return openError(e instanceof MapFormatError ? e.message : errnoText(e));
      }
    }
  }
  let out: AtomicFile;
  try {
    out = AtomicFile.create(file, 0o640);
  } catch (e) {
    return openError(errnoText(e));
  }
  let errors = 0;
  const mode: PutMode = o.allowDups ? "dup" : o.replace ? "replace" : "insert";
  const input = io.stdin();
  const verbose: Buffer[] = [];
  for (const item of parseMakemapInput(input, o)) {
    if (item.kind === "error") {
      io.stderr(`makemap: ${o.name}: line ${item.line}: ${item.text}\n`);
      errors++;
      continue;
    }
    if (o.verbose) {
      verbose.push(Buffer.from("key=`"), cText(item.key), Buffer.from("', val=`"), cText(item.value), Buffer.from("'\n"));
      if (verbose.length > 5000) {
        io.stdout(Buffer.concat(verbose));
        verbose.length = 0;
      }
    }
    const r = builder.put(item.key, item.value, mode);
    if (r === "exists" || r === "too-many-duplicates") {
      const what = r === "exists" ? "duplicate key" : "too many duplicates for a hash map (use btree)";
      io.stderr(`makemap: ${o.name}: line ${item.line}: key ${cText(item.key).toString("latin1")}: ${what}\n`);
      errors++;
    }
  }
  if (verbose.length > 0) io.stdout(Buffer.concat(verbose));
  if (errors > 0) {
    out.abort();
    io.stderr(`makemap: ${o.name}: ${errors} error${errors === 1 ? "" : "s"} in the input: ${file} not rebuilt\n`);
    return EX_DATAERR;
  }
  try {
    builder.writeTo(out.fd);
    out.commit(uid);
  } catch (e) {
    out.abort();
    io.stderr(`makemap: ${o.name}: error writing ${file}: ${e instanceof Error ? errnoText(e) : String(e)}\n`);
    return EX_IOERR;
  }
  return EX_OK;
}
