/*
 * cdb_write - write a constant database (tinycdb / djb cdb format).
 *
 * Records go out in insertion order after a 2048-byte directory, then the
 * 256 hash tables, each twice as many slots as it has records, filled by
 * linear probing from (hash >> 8) modulo the table size, in record order -
 * the same file tinycdb's cdb_make produces for the same records.
 */

import { writeSync } from "node:fs";
import { cdbHash, CDB_HEADER_SIZE } from "./cdb.js";
import { FileWriter } from "./file_writer.js";
import type { KvArena } from "./kv_arena.js";

/** Largest file the 32-bit positions can address. */
const CDB_MAX = 0xffffffff;

/** Write every entry of arena (each value of duplicated keys) as a cdb file to fd. */
export function writeCdbFile(fd: number, arena: KvArena): void {
  const out = new FileWriter(fd);
  out.zeros(CDB_HEADER_SIZE);
  const hashes: number[] = [];
  const positions: number[] = [];
  const head = Buffer.alloc(8);
  for (let e = 0; e < arena.count; e++) {
    const key = arena.key(e);
    const h = cdbHash(key);
    for (const [vo, vl] of arena.values(e)) {
      if (out.position + 8 + key.length + vl > CDB_MAX) throw new Error("cdb file would exceed 4 GB");
      hashes.push(h);
      positions.push(out.position);
      head.writeUInt32LE(key.length, 0);
      head.writeUInt32LE(vl, 4);
      out.write(head);
      out.write(key);
      out.write(arena.bytes.subarray(vo, vo + vl));
    }
  }
  const counts = new Uint32Array(256);
  for (const h of hashes) counts[h & 255]!++;
  // records of each table, in insertion order
  const starts = new Uint32Array(257);
  for (let i = 0; i < 256; i++) starts[i + 1] = starts[i]! + counts[i]!;
  const order = new Uint32Array(hashes.length);
  const fill = starts.slice(0, 256);
  for (let r = 0; r < hashes.length; r++) order[fill[hashes[r]! & 255]!++] = r;
  const dir = Buffer.alloc(CDB_HEADER_SIZE);
  for (let i = 0; i < 256; i++) {
    const n = counts[i]! * 2;
    dir.writeUInt32LE(out.position, i * 8);
    dir.writeUInt32LE(n, i * 8 + 4);
    if (n === 0) continue;
    const table = Buffer.alloc(n * 8);
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const r = order[k]!;
      const h = hashes[r]!;
      let s = (h >>> 8) % n;
      while (table.readUInt32LE(s * 8 + 4) !== 0) s = s + 1 === n ? 0 : s + 1;
      table.writeUInt32LE(h, s * 8);
      table.writeUInt32LE(positions[r]!, s * 8 + 4);
    }
    if (out.position + table.length > CDB_MAX) throw new Error("cdb file would exceed 4 GB");
    out.write(table);
  }
  out.flush();
  let off = 0;
  while (off < dir.length) off += writeSync(fd, dir, off, dir.length - off, off);
}
