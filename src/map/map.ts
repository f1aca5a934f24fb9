/*
 * map - the keyed-map service the ruleset engine and delivery agents call.
 *
 * openMap(type, path, opts) returns a handle whose lookup() answers from
 * the file on disk without loading it: each lookup reads a page or two at
 * its offset. The key is treated as sendmail treats map keys: lower-cased
 * (ASCII) unless keepCase (-f), tried without and then with a terminating
 * NUL unless nul says otherwise (-N: with only, -O: without only). A map
 * that cannot be read - missing, truncated, not a database - gives
 * "tempfail", never "notfound" (an optional map, -o, gives "notfound" when
 * its file is missing). The file's identity (device, inode, size, mtime,
 * ctime) is re-checked at most every checkIntervalMs and whenever a
 * directory watch reports the file replaced, so a map rebuilt by makemap is
 * picked up by the next lookup without a restart.
 */

import { closeSync, existsSync, fstatSync, openSync, readSync, statSync, watch, type FSWatcher, type Stats } from "node:fs";
import { basename, dirname } from "node:path";
import { BdbBtreeReader } from "./bdb_btree.js";
import { MapFormatError, sniffMagic, DB_HASHMAGIC } from "./bdb_common.js";
import { BdbHashReader } from "./bdb_hash.js";
import { CdbReader } from "./cdb.js";
import type { MapFile } from "./map_file.js";

/** Map classes backed by files. */
export type MapType = "hash" | "btree" | "cdb" | "implicit";

/** Outcome of a lookup. */
export type LookupResult =
  | { readonly kind: "found"; readonly value: string }
  | { readonly kind: "notfound" }
  | { readonly kind: "tempfail"; readonly reason: string };

/** Lookup behaviour, mirroring the K line flags. */
export interface MapOptions {
  /** Do not lower-case keys (-f). */
  readonly keepCase?: boolean;
  /** Key NUL handling: "both" (default), "with" (-N) or "without" (-O). */
  readonly nul?: "both" | "with" | "without";
  /** A missing file is "notfound", not "tempfail" (-o). */
  readonly optional?: boolean;
  /** Re-check the file's identity at most this often (default 1000 ms; 0 = every lookup). */
  readonly checkIntervalMs?: number;
  /** Watch the directory for rebuilds (default true). */
  readonly watch?: boolean;
  /** Pages kept in the LRU cache (default 256, 1 MB of 4 KB pages). */
  readonly cachePages?: number;
}

/** An open map. */
export interface MapHandle {
  readonly type: MapType;
  /** The file actually read (with .db / .cdb added). */
  readonly file: string;
  /** Look a key up. */
  lookup(key: Buffer | string): LookupResult;
  /** All pairs in the file's order; throws if the map cannot be read. */
  entries(): Iterable<[Buffer, Buffer]>;
  /** Release the file and the watch. */
  close(): void;
}

/** The file a map of this type and name lives in (sendmail adds .db / .cdb). */
export function mapFilePath(type: MapType, name: string): string {
  if (type === "cdb") return name.endsWith(".cdb") ? name : `${name}.cdb`;
  if (type === "implicit") {
    if (name.endsWith(".db") || name.endsWith(".cdb")) return name;
    if (!existsSync(`${name}.db`) && existsSync(`${name}.cdb`)) return `${name}.cdb`;
    return `${name}.db`;
  }
  return name.endsWith(".db") ? name : `${name}.db`;
}

/** Open a reader of the given type on an open descriptor (throws MapFormatError). */
export function mapFileReader(type: MapType, fd: number, size: number, cachePages = 256): MapFile {
  if (type === "cdb") return new CdbReader(fd, size);
  if (type === "hash") return new BdbHashReader(fd, size, cachePages);
  if (type === "btree") return new BdbBtreeReader(fd, size, cachePages);
  // implicit: whatever the file is
  const head = Buffer.alloc(72);
  const n = size >= 72 ? readSync(fd, head, 0, 72, 0) : 0;
  const s = n === 72 ? sniffMagic(head) : null;
  if (s === null) return new CdbReader(fd, size);
  return s.magic === DB_HASHMAGIC ? new BdbHashReader(fd, size, cachePages) : new BdbBtreeReader(fd, size, cachePages);
}

/** Text of an fs error for messages ("No such file or directory"). */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const table: Record<string, string> = {
    ENOENT: "No such file or directory",
    EACCES: "Permission denied",
    EISDIR: "Is a directory",
    ENOTDIR: "Not a directory",
    ELOOP: "Too many levels of symbolic links",
    EMFILE: "Too many open files",
  };
  if (code !== undefined && table[code] !== undefined) return table[code]!;
  return e instanceof Error ? e.message : String(e);
}

/** Open a map file for a one-off read (makemap -u, praliases); throws on error. */
export function openMapFileOnce(type: MapType, file: string): { reader: MapFile; close: () => void } {
  const fd = openSync(file, "r");
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new MapFormatError("not a regular file");
    return { reader: mapFileReader(type, fd, st.size), close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** A value up to its first NUL, as a latin1 string. */
function valueText(v: Buffer): string {
  const z = v.indexOf(0);
  return (z >= 0 ? v.subarray(0, z) : v).toString("latin1");
}

/** Whether two stats describe the same unchanged file. */
function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** The reopening handle behind openMap(). */
class FileMap implements MapHandle {
  private fd = -1;
  private reader: MapFile | null = null;
  private ident: Stats | null = null;
  private lastCheck = -Infinity;
  private stale = true;
  private failure: string | null = null;
  private missing = false;
  private watcher: FSWatcher | null = null;
  private readonly interval: number;
  /** Which key forms still to try (sendmail stops trying the one a map never uses). */
  private tryPlain = true;
  private tryNul = true;
  /** Reused key buffer. */
  private scratch = Buffer.allocUnsafe(256);

  constructor(
    readonly type: MapType,
    readonly file: string,
    private readonly opts: MapOptions,
  ) {
    this.interval = opts.checkIntervalMs ?? 1000;
    if (opts.watch ?? true) this.startWatch();
    this.refresh();
  }

  /** Mark the map stale when its directory reports a change to its file. */
  private startWatch(): void {
    const name = basename(this.file);
    try {
      this.watcher = watch(dirname(this.file), { persistent: false }, (_ev, f) => {
        if (f === null || f === name) this.stale = true;
      });
      this.watcher.on("error", () => {
        this.watcher?.close();
        this.watcher = null;
      });
    } catch {
      this.watcher = null;
    }
  }

  /** Drop the open file. */
  private release(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.reader = null;
    this.ident = null;
  }

  /** Re-check the file and reopen it if it changed; sets failure/missing. */
  private refresh(): void {
    const now = Date.now();
    if (!this.stale && now - this.lastCheck < this.interval) return;
    this.lastCheck = now;
    this.stale = false;
    let st: Stats | undefined;
    try {
      st = statSync(this.file, { throwIfNoEntry: false });
    } catch (e) {
      this.release();
      this.failure = `${this.file}: ${errnoText(e)}`;
      return;
    }
    if (st === undefined) {
      this.release();
      this.missing = true;
      this.failure = `${this.file}: No such file or directory`;
      return;
    }
    if (this.reader !== null && this.ident !== null && sameFile(st, this.ident)) return;
    this.release();
    this.missing = false;
    try {
      this.fd = openSync(this.file, "r");
      const fst = fstatSync(this.fd);
      this.ident = fst;
      this.reader = mapFileReader(this.type, this.fd, fst.size, this.opts.cachePages ?? 256);
      this.failure = null;
      this.tryPlain = true;
      this.tryNul = true;
    } catch (e) {
      this.release();
      this.failure = `${this.file}: ${e instanceof MapFormatError ? e.message : errnoText(e)}`;
    }
  }

  lookup(key: Buffer | string): LookupResult {
    this.refresh();
    const reader = this.reader;
    if (reader === null) {
      if (this.missing && this.opts.optional) return { kind: "notfound" };
      return { kind: "tempfail", reason: this.failure ?? `${this.file}: not open` };
    }
    // the key (folded) with room for the NUL, in a reused buffer
    const len = typeof key === "string" ? key.length : key.length;
    if (this.scratch.length < len + 1) this.scratch = Buffer.allocUnsafe(Math.max(2 * this.scratch.length, len + 1));
    const buf = this.scratch;
    if (typeof key === "string") buf.write(key, 0, len, "latin1");
    else key.copy(buf, 0);
    if (!this.opts.keepCase) {
      for (let i = 0; i < len; i++) {
        const c = buf[i]!;
        if (c >= 0x41 && c <= 0x5a) buf[i] = c + 32;
      }
    }
    buf[len] = 0;
    const nul = this.opts.nul ?? "both";
    try {
      if (nul !== "with" && this.tryPlain) {
        const v = this.textOf(reader, buf.subarray(0, len));
        if (v !== null) {
          // as sendmail: a map that answers without the NUL is not asked with it again
          if (nul === "both") this.tryNul = false;
          return { kind: "found", value: v };
        }
      }
      if (nul !== "without" && this.tryNul) {
        const v = this.textOf(reader, buf.subarray(0, len + 1));
        if (v !== null) {
          if (nul === "both") this.tryPlain = false;
          return { kind: "found", value: v };
        }
      }
      return { kind: "notfound" };
    } catch (e) {
      // a file being rewritten in place, or damaged: check it again next time
      this.stale = true;
      return { kind: "tempfail", reason: `${this.file}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** The value of key as text, or null. */
  private textOf(reader: MapFile, key: Buffer): string | null {
    if (reader.getText !== undefined) return reader.getText(key);
    const v = reader.get(key);
    return v === null ? null : valueText(v);
  }

  entries(): Iterable<[Buffer, Buffer]> {
    this.stale = true;
    this.refresh();
    if (this.reader === null) throw new Error(this.failure ?? `${this.file}: not open`);
    return this.reader.entries();
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    this.release();
  }
}

/** Open a map for lookups; never throws (problems show as tempfail results). */
export function openMap(type: MapType, path: string, opts: MapOptions = {}): MapHandle {
  return new FileMap(type, mapFilePath(type, path), opts);
}
