/*
 * builder - collect key/value pairs and write them as a map file.
 *
 * One interface over the three writable formats: pairs are put one by one
 * (insert, replace or add a duplicate, with the outcome reported so the
 * caller can word its errors), then the whole file is written to a file
 * descriptor. Hash maps replay Berkeley DB's insertion as they go (see
 * bdb_hash_layout); btree and cdb maps are laid out at the end.
 */

import { HashLayout } from "./bdb_hash_layout.js";
import { writeHashFile } from "./bdb_hash_write.js";
import { writeBtreeFile } from "./bdb_btree_write.js";
import { writeCdbFile } from "./cdb_write.js";
import { KvArena } from "./kv_arena.js";

/** The on-disk formats we write. */
export type WritableType = "hash" | "btree" | "cdb";

/** What put() should do with a key that is already there. */
export type PutMode = "insert" | "replace" | "dup";

/** What put() did. */
export type PutOutcome = "added" | "exists" | "replaced" | "duplicated" | "too-many-duplicates";

/** Options of a builder. */
export interface BuilderOptions {
  /** Duplicate keys are allowed in the file (sets the format's flag). */
  readonly allowDups?: boolean;
  /** Berkeley DB nelem hint (makemap passes 4096, newaliases none). */
  readonly nelemHint?: number;
  /** Fixed Berkeley DB file id (tests); random otherwise. */
  readonly fileId?: Buffer;
}

/** Accumulates pairs and writes one map file. */
export class MapBuilder {
  readonly arena: KvArena;
  private readonly layout: HashLayout | null;

  constructor(
    readonly type: WritableType,
    private readonly opts: BuilderOptions = {},
  ) {
    this.arena = new KvArena(1 << 16, type === "cdb" ? null : type);
    this.layout = type === "hash" ? new HashLayout(this.arena) : null;
  }

  /** Number of distinct keys. */
  get count(): number {
    return this.arena.count;
  }

  /** Store one pair. */
  put(key: Uint8Array, value: Uint8Array, mode: PutMode): PutOutcome {
    const a = this.arena;
    const e = a.find(key);
    if (e < 0) {
      const n = a.add(key, value);
      this.layout?.insert(n);
      return "added";
    }
    if (mode === "insert") return "exists";
    const oldSize = this.layout?.pairSize(e) ?? 0;
    if (mode === "replace") a.replace(e, value);
    else a.addDuplicate(e, value);
    if (mode === "replace") this.layout?.resize(e, oldSize);
    else this.layout?.grewDuplicates(e, oldSize);
    return mode === "replace" ? "replaced" : "duplicated";
  }

  /** Write the map file to fd (positioned at 0). */
  writeTo(fd: number): void {
    const allowDups = this.opts.allowDups ?? false;
    const fileId = this.opts.fileId;
    if (this.type === "hash") {
      writeHashFile(fd, this.arena, this.layout!, { nelemHint: this.opts.nelemHint ?? 0, allowDups, ...(fileId ? { fileId } : {}) });
    } else if (this.type === "btree") {
      writeBtreeFile(fd, this.arena, { allowDups, ...(fileId ? { fileId } : {}) });
    } else {
      writeCdbFile(fd, this.arena);
    }
  }
}
