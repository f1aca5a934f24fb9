/*
 * bdb_btree - reader for Berkeley DB btree files (makemap btree).
 *
 * The meta page names the root page. Internal pages hold (key, child page)
 * entries sorted by key, the first entry's key standing for "everything
 * smaller"; leaf pages hold key/value item pairs sorted bytewise (shorter
 * first on a tie), are chained left to right, and keep duplicate values of
 * one key as consecutive pairs that share the key's bytes. Items are inline
 * (length, type, bytes), overflow references to long data on overflow
 * pages, or references to an off-page duplicate tree whose leaves hold
 * only values.
 */

import {
  DB_BTREEMAGIC,
  Endian,
  MapFormatError,
  P_BTREEMETA,
  P_IBTREE,
  P_IRECNO,
  P_LBTREE,
  P_LDUP,
  P_LRECNO,
  PAGE_HEADER_SIZE,
  readMetaHeader,
  readOverflow,
} from "./bdb_common.js";
import type { MapFile } from "./map_file.js";
import { PageFile } from "./pagefile.js";

/** Btree item types (low 7 bits of the type byte); 0x80 marks deleted items. */
export const B_KEYDATA = 1;
export const B_DUPLICATE = 2;
export const B_OVERFLOW = 3;
export const B_DELETE = 0x80;

/** Offset of the root page number in the btree meta page. */
const BM_ROOT = 88;

/** Offset of item i on page p (validated). */
function itemAt(e: Endian, pf: PageFile, p: Buffer, i: number, pgno: number): number {
  const n = e.u16(p, 20);
  if (i >= n) throw new MapFormatError(`page ${pgno}: item ${i} out of range`);
  const off = e.u16(p, PAGE_HEADER_SIZE + 2 * i);
  if (off < PAGE_HEADER_SIZE + 2 * n || off + 3 > pf.pageSize) throw new MapFormatError(`page ${pgno} has a bad item offset`);
  return off;
}

/** The bytes of a leaf item (BKEYDATA or BOVERFLOW) at off. */
function leafBytes(e: Endian, pf: PageFile, p: Buffer, off: number, pgno: number): Buffer {
  const t = p[off + 2]! & 0x7f;
  if (t === B_KEYDATA) {
    const len = e.u16(p, off);
    if (off + 3 + len > pf.pageSize) throw new MapFormatError(`page ${pgno} has an item running off the page`);
    return Buffer.from(p.subarray(off + 3, off + 3 + len));
  }
  if (t === B_OVERFLOW) return readOverflow(pf, e, e.u32(p, off + 4), e.u32(p, off + 8));
  throw new MapFormatError(`page ${pgno} has an item of unknown type ${t}`);
}

/** Compare len stored bytes at p[off] with key: bytewise, shorter first on a tie. */
function compareAt(p: Buffer, off: number, len: number, key: Uint8Array): number {
  const n = len < key.length ? len : key.length;
  for (let j = 0; j < n; j++) {
    const d = p[off + j]! - key[j]!;
    if (d !== 0) return d;
  }
  return len - key.length;
}

/** Compare stored leaf item at off with key (bytewise, shorter first). */
function compareLeaf(e: Endian, pf: PageFile, p: Buffer, off: number, key: Uint8Array, pgno: number): number {
  if ((p[off + 2]! & 0x7f) === B_KEYDATA) {
    const len = e.u16(p, off);
    if (off + 3 + len > pf.pageSize) throw new MapFormatError(`page ${pgno} has an item running off the page`);
    return compareAt(p, off + 3, len, key);
  }
  return Buffer.compare(leafBytes(e, pf, p, off, pgno), key);
}

/** Compare the key of internal entry at off with key. */
function compareInternal(e: Endian, pf: PageFile, p: Buffer, off: number, key: Uint8Array, pgno: number): number {
  const len = e.u16(p, off);
  const t = p[off + 2]! & 0x7f;
  if (off + 12 + len > pf.pageSize) throw new MapFormatError(`page ${pgno} has an entry running off the page`);
  if (t === B_OVERFLOW) {
    const stored = readOverflow(pf, e, e.u32(p, off + 12 + 4), e.u32(p, off + 12 + 8));
    return Buffer.compare(stored, key);
  }
  return compareAt(p, off + 12, len, key);
}

/** Descend from page pgno along the first child to the leftmost leaf of one of leafTypes. */
function leftmostLeaf(e: Endian, pf: PageFile, pgno: number, leafTypes: readonly number[]): number {
  for (let depth = 0; ; depth++) {
    if (depth > 64) throw new MapFormatError("btree too deep (loop?)");
    const p = pf.page(pgno);
    const t = p[25]!;
    if (leafTypes.includes(t)) return pgno;
    const off = itemAt(e, pf, p, 0, pgno);
    if (t === P_IBTREE) pgno = e.u32(p, off + 4);
    else if (t === P_IRECNO) pgno = e.u32(p, off);
    else throw new MapFormatError(`page ${pgno} is not a btree page (type ${t})`);
  }
}

/**
 * All values of an off-page duplicate tree rooted at pgno, in order: a
 * btree of P_LDUP leaves (sorted duplicates) or a recno tree of P_LRECNO
 * leaves (unsorted duplicates, what makemap -d gets).
 */
export function dupTreeValues(pf: PageFile, e: Endian, root: number): Buffer[] {
  const out: Buffer[] = [];
  let pgno = leftmostLeaf(e, pf, root, [P_LDUP, P_LRECNO]);
  let hops = 0;
  while (pgno !== 0) {
    if (++hops > pf.pageCount) throw new MapFormatError("loop in a duplicate chain");
    const p = Buffer.from(pf.page(pgno));
    if (p[25] !== P_LDUP && p[25] !== P_LRECNO) throw new MapFormatError(`page ${pgno} is not a duplicate page`);
    const n = e.u16(p, 20);
    for (let i = 0; i < n; i++) {
      const off = itemAt(e, pf, p, i, pgno);
      if ((p[off + 2]! & B_DELETE) === 0) out.push(leafBytes(e, pf, p, off, pgno));
    }
    pgno = e.u32(p, 16);
  }
  return out;
}

/** The first value of an off-page duplicate tree rooted at pgno (null if it has none). */
export function firstDupValue(pf: PageFile, e: Endian, root: number): Buffer | null {
  let pgno = leftmostLeaf(e, pf, root, [P_LDUP, P_LRECNO]);
  let hops = 0;
  while (pgno !== 0) {
    if (++hops > pf.pageCount) throw new MapFormatError("loop in a duplicate chain");
    const p = pf.page(pgno);
    if (p[25] !== P_LDUP && p[25] !== P_LRECNO) throw new MapFormatError(`page ${pgno} is not a duplicate page`);
    const n = e.u16(p, 20);
    for (let i = 0; i < n; i++) {
      const off = itemAt(e, pf, p, i, pgno);
      if ((p[off + 2]! & B_DELETE) === 0) return leafBytes(e, pf, p, off, pgno);
    }
    pgno = e.u32(p, 16);
  }
  return null;
}

/** An open Berkeley DB btree file. */
export class BdbBtreeReader implements MapFile {
  private readonly e: Endian;
  private readonly pf: PageFile;
  private readonly root: number;

  /** Read the meta page of the btree file open on fd (size bytes long). */
  constructor(fd: number, size: number, cachePages = 256) {
    const head = Buffer.alloc(512);
    const pfHead = new PageFile(fd, 512, size, 0);
    if (pfHead.pageCount < 1) throw new MapFormatError("file too short for a Berkeley DB file");
    pfHead.pageInto(0, head);
    const meta = readMetaHeader(head, DB_BTREEMAGIC, "btree");
    if (meta.version < 6 || meta.version > 10) throw new MapFormatError(`unsupported btree version ${meta.version}`);
    if (meta.type !== P_BTREEMETA) throw new MapFormatError("bad btree meta page type");
    this.e = meta.endian;
    this.root = this.e.u32(head, BM_ROOT);
    this.pf = new PageFile(fd, meta.pageSize, size, cachePages);
    if (this.pf.pageCount <= meta.lastPgno) throw new MapFormatError(`file is truncated (${size} bytes, page ${meta.lastPgno} missing)`);
    if (this.root === 0 || this.root >= this.pf.pageCount) throw new MapFormatError("btree root page missing (truncated?)");
  }

  /** The values of the data item at index i of leaf p. */
  private dataValues(p: Buffer, i: number, pgno: number): Buffer[] {
    const off = itemAt(this.e, this.pf, p, i, pgno);
    if ((p[off + 2]! & 0x7f) === B_DUPLICATE) return dupTreeValues(this.pf, this.e, this.e.u32(p, off + 4));
    return [leafBytes(this.e, this.pf, p, off, pgno)];
  }

  /** Look a key up: its first value, or null. */
  get(key: Uint8Array): Buffer | null {
    const e = this.e;
    const pf = this.pf;
    let pgno = this.root;
    for (let depth = 0; ; depth++) {
      if (depth > 64) throw new MapFormatError("btree too deep (loop?)");
      const p = pf.page(pgno);
      const t = p[25];
      const n = e.u16(p, 20);
      if (t === P_IBTREE) {
        if (n === 0) throw new MapFormatError(`internal page ${pgno} is empty`);
        // last entry whose key <= key; entry 0 stands for minus infinity
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          const off = itemAt(e, pf, p, mid, pgno);
          if (compareInternal(e, pf, p, off, key, pgno) <= 0) lo = mid;
          else hi = mid - 1;
        }
        pgno = e.u32(p, itemAt(e, pf, p, lo, pgno) + 4);
        continue;
      }
      if (t !== P_LBTREE) throw new MapFormatError(`page ${pgno} is not a btree page (type ${t})`);
      // first key pair >= key
      let lo = 0;
      let hi = n >> 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareLeaf(e, pf, p, itemAt(e, pf, p, 2 * mid, pgno), key, pgno) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < n >> 1; k++) {
        const koff = itemAt(e, pf, p, 2 * k, pgno);
        if (compareLeaf(e, pf, p, koff, key, pgno) !== 0) return null;
        const doff = itemAt(e, pf, p, 2 * k + 1, pgno);
        if ((p[doff + 2]! & B_DELETE) !== 0 || (p[koff + 2]! & B_DELETE) !== 0) continue;
        return this.dataValues(p, 2 * k + 1, pgno)[0] ?? Buffer.alloc(0);
      }
      return null;
    }
  }

  /** Every pair in key order (duplicates in stored order). */
  *entries(): Generator<[Buffer, Buffer]> {
    const e = this.e;
    let pgno = leftmostLeaf(e, this.pf, this.root, [P_LBTREE]);
    let hops = 0;
    while (pgno !== 0) {
      if (++hops > this.pf.pageCount) throw new MapFormatError("loop in the leaf chain");
      const p = Buffer.from(this.pf.page(pgno));
      if (p[25] !== P_LBTREE) throw new MapFormatError(`page ${pgno} is not a leaf page`);
      const n = e.u16(p, 20);
      for (let i = 0; i + 1 < n; i += 2) {
        const koff = itemAt(e, this.pf, p, i, pgno);
        const doff = itemAt(e, this.pf, p, i + 1, pgno);
        if ((p[koff + 2]! & B_DELETE) !== 0 || (p[doff + 2]! & B_DELETE) !== 0) continue;
        const key = leafBytes(e, this.pf, p, koff, pgno);
        for (const v of this.dataValues(p, i + 1, pgno)) yield [key, v];
      }
      pgno = e.u32(p, 16);
    }
  }
}
