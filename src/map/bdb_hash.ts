/*
 * bdb_hash - reader for Berkeley DB hash files (makemap hash, aliases.db).
 *
 * Layout (Berkeley DB 5.3, hash version 9; version 8 reads too): page 0 is
 * the hash meta page (bucket count as max_bucket and two masks, the
 * "spares" table that maps a bucket to its page, the probe hash). A key's
 * bucket is hash & high_mask, or hash & low_mask when that is past
 * max_bucket (linear hashing); bucket b lives on page b + spares[log2(b+1)]
 * and continues on a chain of overflow bucket pages. A bucket page holds an
 * index of 16-bit item offsets; items pair up (key, value); an item's first
 * byte says whether it is inline bytes, an off-page reference (long items),
 * an inline duplicate set or an off-page duplicate tree.
 */

import { BDB_HASH_CHARKEY, bdbHash, ceilLog2 } from "./bdb_hashfn.js";
import {
  DB_HASHMAGIC,
  Endian,
  MapFormatError,
  P_HASH,
  P_HASH_UNSORTED,
  P_INVALID,
  P_HASHMETA,
  PAGE_HEADER_SIZE,
  readMetaHeader,
  readOverflow,
} from "./bdb_common.js";
import { dupTreeValues, firstDupValue } from "./bdb_btree.js";
import type { MapFile } from "./map_file.js";
import { PageFile } from "./pagefile.js";

/** Hash item types (first byte of an item). */
export const H_KEYDATA = 1;
export const H_DUPLICATE = 2;
export const H_OFFPAGE = 3;
export const H_OFFDUP = 4;

/** Offsets of hash meta fields after the generic header. */
const HM_MAX_BUCKET = 72;
const HM_HIGH_MASK = 76;
const HM_LOW_MASK = 80;
const HM_CHARKEY = 92;
const HM_SPARES = 96;

/** Whether p holds key's bytes at off (the caller checked the length). */
function sameBytes(p: Buffer, off: number, key: Uint8Array): boolean {
  for (let j = key.length - 1; j >= 0; j--) if (p[off + j] !== key[j]) return false;
  return true;
}

/** An open Berkeley DB hash file. */
export class BdbHashReader implements MapFile {
  private readonly e: Endian;
  private readonly pf: PageFile;
  private readonly maxBucket: number;
  private readonly highMask: number;
  private readonly lowMask: number;
  private readonly spares: number[] = [];
  /**
   * Negative cache: for buckets whose whole chain we have scanned, the
   * Berkeley DB hashes of every key in it. A key whose hash is not among
   * them is not in the map, so misses (and the second, NUL-terminated probe
   * sendmail makes) cost no read once a bucket has been seen. Exact, not a
   * guess: the hash is the one the file is built with. Capped in size.
   */
  private readonly seen: Array<Int32Array | undefined>;
  private seenTotal = 0;
  private static readonly SEEN_LIMIT = 2_000_000;

  /** Read the meta page of the hash file open on fd (size bytes long). */
  constructor(fd: number, size: number, cachePages = 256) {
    const head = Buffer.alloc(512);
    const pfHead = new PageFile(fd, 512, size, 0);
    if (pfHead.pageCount < 1) throw new MapFormatError("file too short for a Berkeley DB file");
    pfHead.pageInto(0, head);
    const meta = readMetaHeader(head, DB_HASHMAGIC, "hash");
    if (meta.version < 6 || meta.version > 10) throw new MapFormatError(`unsupported hash version ${meta.version}`);
    if (meta.type !== P_HASHMETA) throw new MapFormatError("bad hash meta page type");
    const e = (this.e = meta.endian);
    this.maxBucket = e.u32(head, HM_MAX_BUCKET);
    this.highMask = e.u32(head, HM_HIGH_MASK);
    this.lowMask = e.u32(head, HM_LOW_MASK);
    if (e.u32(head, HM_CHARKEY) !== BDB_HASH_CHARKEY) throw new MapFormatError("hash file built with an unknown hash function");
    for (let i = 0; i < 32; i++) this.spares.push(e.u32(head, HM_SPARES + 4 * i));
    this.pf = new PageFile(fd, meta.pageSize, size, cachePages);
    this.seen = new Array<Int32Array | undefined>(Math.min(this.maxBucket + 1, 1 << 24));
    if (this.pf.pageCount <= meta.lastPgno) throw new MapFormatError(`file is truncated (${size} bytes, page ${meta.lastPgno} missing)`);
    if (this.pf.pageCount < 1 + Math.min(this.maxBucket, 1)) throw new MapFormatError("hash file is truncated");
    if (this.highMask < this.maxBucket || this.lowMask > this.highMask) throw new MapFormatError("bad hash meta page");
  }

  /** First page of bucket b. */
  private bucketPage(b: number): number {
    return b + this.spares[ceilLog2(b + 1)]!;
  }

  /** Check a bucket page and return its entry count. */
  private checkPage(p: Buffer, pgno: number): number {
    const t = p[25];
    // a bucket page never written to is all zeros: an empty bucket
    if (t === P_INVALID && this.e.u32(p, 8) === 0 && this.e.u32(p, 16) === 0) return 0;
    if (t !== P_HASH && t !== P_HASH_UNSORTED) throw new MapFormatError(`page ${pgno} is not a hash page (type ${t})`);
    const n = this.e.u16(p, 20);
    if (PAGE_HEADER_SIZE + 2 * n > this.pf.pageSize) throw new MapFormatError(`page ${pgno} has a bad entry count`);
    return n;
  }

  /** Offset and end of item i on page p (validated). */
  private item(p: Buffer, i: number, n: number, pgno: number): [number, number] {
    const ps = this.pf.pageSize;
    const off = this.e.u16(p, PAGE_HEADER_SIZE + 2 * i);
    const end = i === 0 ? ps : this.e.u16(p, PAGE_HEADER_SIZE + 2 * (i - 1));
    if (off < PAGE_HEADER_SIZE + 2 * n || off >= end || end > ps) throw new MapFormatError(`page ${pgno} has a bad item offset`);
    return [off, end];
  }

  /** The bytes of a key or value item (inline or off-page). */
  private itemBytes(p: Buffer, off: number, end: number, pgno: number): Buffer {
    const t = p[off];
    if (t === H_KEYDATA) return Buffer.from(p.subarray(off + 1, end));
    if (t === H_OFFPAGE) {
      if (end - off < 12) throw new MapFormatError(`page ${pgno} has a short off-page item`);
      return readOverflow(this.pf, this.e, this.e.u32(p, off + 4), this.e.u32(p, off + 8));
    }
    throw new MapFormatError(`page ${pgno} has an item of unknown type ${t}`);
  }

  /** All values of the data item at [off, end). */
  private dataValues(p: Buffer, off: number, end: number, pgno: number): Buffer[] {
    const t = p[off];
    if (t === H_DUPLICATE) {
      const out: Buffer[] = [];
      let q = off + 1;
      while (q < end) {
        const len = this.e.u16(p, q);
        if (q + 4 + len > end) throw new MapFormatError(`page ${pgno} has a bad duplicate set`);
        out.push(Buffer.from(p.subarray(q + 2, q + 2 + len)));
        q += 4 + len;
      }
      return out;
    }
    if (t === H_OFFDUP) return dupTreeValues(this.pf, this.e, this.e.u32(p, off + 4));
    return [this.itemBytes(p, off, end, pgno)];
  }

  /** The first value of the data item at [off, end). */
  private firstValue(p: Buffer, off: number, end: number, pgno: number): Buffer {
    if (p[off] === H_OFFDUP) return firstDupValue(this.pf, this.e, this.e.u32(p, off + 4)) ?? Buffer.alloc(0);
    return this.dataValues(p, off, end, pgno)[0] ?? Buffer.alloc(0);
  }

  /** Whether the key item at [off, end) holds exactly key. */
  private keyMatches(p: Buffer, off: number, end: number, key: Uint8Array, pgno: number): boolean {
    const t = p[off];
    if (t === H_KEYDATA) return end - off - 1 === key.length && p.compare(key, 0, key.length, off + 1, end) === 0;
    if (t === H_OFFPAGE) {
      if (this.e.u32(p, off + 8) !== key.length) return false;
      return this.itemBytes(p, off, end, pgno).equals(key);
    }
    throw new MapFormatError(`page ${pgno} has a key of unknown type ${t}`);
  }

  /**
   * Find a key: calls found(page, data offset, data end, pgno) for the
   * first match and returns its result, or returns null.
   */
  private find<T>(key: Uint8Array, found: (p: Buffer, doff: number, dend: number, pgno: number) => T): T | null {
    const h = bdbHash(key) | 0;
    let bucket = h & this.highMask;
    if (bucket > this.maxBucket) bucket &= this.lowMask;
    bucket >>>= 0;
    const known = this.seen[bucket];
    if (known !== undefined && !known.includes(h)) return null;
    let pgno = this.bucketPage(bucket);
    const ps = this.pf.pageSize;
    const little = this.e.little;
    const klen = key.length;
    let hops = 0;
    while (pgno !== 0) {
      if (++hops > this.pf.pageCount) throw new MapFormatError("loop in a bucket chain");
      const p = this.pf.page(pgno);
      const n = this.checkPage(p, pgno);
      const lowest = PAGE_HEADER_SIZE + 2 * n;
      let end = ps;
      for (let i = 0; i + 1 < n; i += 2) {
        const ix = PAGE_HEADER_SIZE + 2 * i;
        const off = little ? p[ix]! | (p[ix + 1]! << 8) : (p[ix]! << 8) | p[ix + 1]!;
        if (off < lowest || off >= end) throw new MapFormatError(`page ${pgno} has a bad item offset`);
        const t = p[off];
        const hit = t === H_KEYDATA ? end - off - 1 === klen && sameBytes(p, off + 1, key) : this.keyMatches(p, off, end, key, pgno);
        if (hit) {
          const [doff, dend] = this.item(p, i + 1, n, pgno);
          return found(p, doff, dend, pgno);
        }
        // the data item lies just below its key; the next key below the data
        end = little ? p[ix + 2]! | (p[ix + 3]! << 8) : (p[ix + 2]! << 8) | p[ix + 3]!;
      }
      pgno = this.e.u32(p, 16);
    }
    if (known === undefined && this.seenTotal < BdbHashReader.SEEN_LIMIT && bucket < this.seen.length) this.summarise(bucket);
    return null;
  }

  /** Record the hashes of every key in bucket b's chain (just read, so its pages are cached). */
  private summarise(b: number): void {
    const hashes: number[] = [];
    const ps = this.pf.pageSize;
    for (let pgno = this.bucketPage(b), hops = 0; pgno !== 0; pgno = this.e.u32(this.pf.page(pgno), 16)) {
      if (++hops > this.pf.pageCount) return;
      const p = this.pf.page(pgno);
      const n = this.checkPage(p, pgno);
      let end = ps;
      for (let i = 0; i + 1 < n; i += 2) {
        const off = this.e.u16(p, PAGE_HEADER_SIZE + 2 * i);
        if (p[off] !== H_KEYDATA || off >= end) return; // a key on overflow pages: leave this bucket alone
        hashes.push(bdbHash(p, off + 1, end) | 0);
        end = this.e.u16(p, PAGE_HEADER_SIZE + 2 * i + 2);
      }
    }
    this.seen[b] = Int32Array.from(hashes);
    this.seenTotal += hashes.length + 4;
  }

  /** Look a key up: its first value, or null. */
  get(key: Uint8Array): Buffer | null {
    return this.find(key, (p, doff, dend, pgno) => this.firstValue(p, doff, dend, pgno));
  }

  /** get() as latin1 text up to the first NUL. */
  getText(key: Uint8Array): string | null {
    return this.find(key, (p, doff, dend, pgno) => {
      if (p[doff] !== H_KEYDATA) {
        const v = this.firstValue(p, doff, dend, pgno);
        const z = v.indexOf(0);
        return (z >= 0 ? v.subarray(0, z) : v).toString("latin1");
      }
      let z = doff + 1;
      while (z < dend && p[z] !== 0) z++;
      return p.toString("latin1", doff + 1, z);
    });
  }

  /** Every pair, bucket by bucket, page by page, in index order. */
  *entries(): Generator<[Buffer, Buffer]> {
    for (let b = 0; b <= this.maxBucket; b++) {
      let pgno = this.bucketPage(b);
      let hops = 0;
      while (pgno !== 0) {
        if (++hops > this.pf.pageCount) throw new MapFormatError("loop in a bucket chain");
        const p = Buffer.from(this.pf.page(pgno));
        const n = this.checkPage(p, pgno);
        for (let i = 0; i + 1 < n; i += 2) {
          const [off, end] = this.item(p, i, n, pgno);
          const key = this.itemBytes(p, off, end, pgno);
          const [doff, dend] = this.item(p, i + 1, n, pgno);
          for (const v of this.dataValues(p, doff, dend, pgno)) yield [key, v];
        }
        pgno = this.e.u32(p, 16);
      }
    }
  }
}
