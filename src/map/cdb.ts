/*
 * cdb - reader for constant databases (the format of tinycdb and djb's cdb,
 * which sendmail 8.17 uses for its "cdb" map class).
 *
 * The file starts with 256 (position, slot count) pairs of little-endian
 * 32-bit numbers, one per hash table; then come the records (key length,
 * value length, key, value), then the tables of (hash, record position)
 * slots. A key's hash h picks table h & 255 and the first slot to probe,
 * (h >> 8) modulo the table's size; probing runs forward (wrapping) until
 * an empty slot. A lookup costs two or three small preads.
 */

import { readSync } from "node:fs";
import { MapFormatError } from "./bdb_common.js";
import type { MapFile } from "./map_file.js";

/** Size of the table directory at the start of the file. */
export const CDB_HEADER_SIZE = 2048;

/** Hash slots read with one pread. */
const SLOT_RUN = 8;

/** The cdb hash of bytes. */
export function cdbHash(b: Uint8Array, start = 0, end = b.length): number {
  let h = 5381;
  for (let i = start; i < end; i++) h = (((h << 5) + h) ^ b[i]!) >>> 0;
  return h >>> 0;
}

/** Bytes read at a file position; throws on a short read. */
function pread(fd: number, buf: Buffer, len: number, pos: number, size: number): Buffer {
  if (pos + len > size) throw new MapFormatError(`cdb: read past the end of the file at ${pos} (truncated?)`);
  const n = readSync(fd, buf, 0, len, pos);
  if (n !== len) throw new MapFormatError(`cdb: short read at ${pos}`);
  return buf;
}

/** An open cdb file. */
export class CdbReader implements MapFile {
  private readonly header = Buffer.alloc(CDB_HEADER_SIZE);
  private scratch = Buffer.alloc(512);
  private readonly slotRun = Buffer.alloc(SLOT_RUN * 8);
  /** Where the records end (the lowest table position). */
  private readonly recordsEnd: number;

  /** Read the table directory of the cdb file open on fd (size bytes long). */
  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {
    if (size < CDB_HEADER_SIZE) throw new MapFormatError("file too short for a cdb file");
    pread(fd, this.header, CDB_HEADER_SIZE, 0, size);
    let lowest = size;
    for (let i = 0; i < 256; i++) {
      const pos = this.header.readUInt32LE(i * 8);
      const n = this.header.readUInt32LE(i * 8 + 4);
      if (pos < CDB_HEADER_SIZE || pos > size || pos + n * 8 > size) throw new MapFormatError("not a cdb file (bad table directory)");
      if (pos < lowest) lowest = pos;
    }
    this.recordsEnd = lowest;
  }

  /** A scratch buffer of at least n bytes. */
  private buf(n: number): Buffer {
    if (this.scratch.length < n) this.scratch = Buffer.alloc(Math.max(n, this.scratch.length * 2));
    return this.scratch;
  }

  /** Look a key up: its first value, or null. */
  get(key: Uint8Array): Buffer | null {
    const h = cdbHash(key);
    const t = (h & 255) * 8;
    const tpos = this.header.readUInt32LE(t);
    const slots = this.header.readUInt32LE(t + 4);
    if (slots === 0) return null;
    let s = (h >>> 8) % slots;
    // slots are read a run at a time (one pread for the usual one or two probes)
    const run = this.slotRun;
    let have = 0;
    let at = 0;
    for (let probes = 0; probes < slots; probes++) {
      if (at === have) {
        have = Math.min(SLOT_RUN, slots - s);
        pread(this.fd, run, have * 8, tpos + s * 8, this.size);
        at = 0;
      }
      const sh = run.readUInt32LE(at * 8);
      const rpos = run.readUInt32LE(at * 8 + 4);
      at++;
      if (rpos === 0) return null;
      if (sh === h) {
        const want = 8 + key.length + 256;
        const avail = Math.min(want, this.size - rpos);
        const rec = pread(this.fd, this.buf(want), avail, rpos, this.size);
        if (avail < 8) throw new MapFormatError("cdb: record header past the end of the file");
        const klen = rec.readUInt32LE(0);
        const dlen = rec.readUInt32LE(4);
        if (klen === key.length && rec.compare(key, 0, key.length, 8, 8 + klen) === 0) {
          if (rpos + 8 + klen + dlen > this.size) throw new MapFormatError("cdb: record runs past the end of the file");
          if (8 + klen + dlen <= avail) return Buffer.from(rec.subarray(8 + klen, 8 + klen + dlen));
          const out = Buffer.alloc(dlen);
          pread(this.fd, out, dlen, rpos + 8 + klen, this.size);
          return out;
        }
      }
      s = s + 1 === slots ? 0 : s + 1;
      if (s === 0) have = at; // wrapped: the next slot is read afresh from the table's start
    }
    return null;
  }

  /** Every record in file order. */
  *entries(): Generator<[Buffer, Buffer]> {
    let pos = CDB_HEADER_SIZE;
    const head = Buffer.alloc(8);
    while (pos < this.recordsEnd) {
      pread(this.fd, head, 8, pos, this.size);
      const klen = head.readUInt32LE(0);
      const dlen = head.readUInt32LE(4);
      if (pos + 8 + klen + dlen > this.recordsEnd) throw new MapFormatError("cdb: record runs into the hash tables");
      const rec = Buffer.alloc(klen + dlen);
      pread(this.fd, rec, klen + dlen, pos + 8, this.size);
      yield [rec.subarray(0, klen), rec.subarray(klen)];
      pos += 8 + klen + dlen;
    }
  }
}
