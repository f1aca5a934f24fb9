/*
 * bdb_btree_write - write a Berkeley DB 5.3 btree file by bulk loading.
 *
 * Entries are sorted bytewise (shorter first on a tie, Berkeley DB's
 * default order) and packed into leaf pages left to right; each level of
 * internal pages above holds one entry per child with the shortest prefix
 * of the child's first key that sorts after the previous child's last key
 * (Berkeley DB's default prefix rule), the first entry of every internal
 * page having an empty key as Berkeley DB writes it. The root is page 1, as
 * in every file Berkeley DB creates; leaves are chained both ways; long
 * items go to overflow pages at the end. Duplicate values of a key (-d)
 * are consecutive pairs sharing one key item.
 */

import { randomBytes } from "node:crypto";
import { DB_BTREEMAGIC, P_BTREEMETA, P_IBTREE, P_LBTREE, P_OVERFLOW, PAGE_HEADER_SIZE } from "./bdb_common.js";
import { B_KEYDATA, B_OVERFLOW } from "./bdb_btree.js";
import { FileWriter } from "./file_writer.js";
import type { KvArena } from "./kv_arena.js";

/** How the meta page describes the file. */
export interface BtreeWriteOptions {
  readonly allowDups: boolean;
  readonly fileId?: Buffer;
  readonly pageSize?: number;
}

/** Meta flag of a btree that allows duplicate keys. */
const BTM_DUP = 0x01;

/** Round up to a multiple of 4 (Berkeley DB aligns btree items). */
function align4(n: number): number {
  return (n + 3) & ~3;
}

/** A leaf: the entries on it. */
interface Leaf {
  readonly entries: number[];
}

/** An internal page: (child page, separator key) pairs. */
interface Internal {
  readonly children: number[];
  readonly keys: Buffer[];
}

/** Lays out and writes one btree. */
class BtreeFileBuilder {
  private readonly ps: number;
  private readonly cap: number;
  /** Items longer than this go to overflow pages. */
  private readonly ovflSize: number;
  private readonly page: Buffer;
  private nextBig = 0;
  private readonly big: Array<{ bytes: Buffer; pgno: number }> = [];

  constructor(
    private readonly arena: KvArena,
    private readonly out: FileWriter,
    pageSize: number,
  ) {
    this.ps = pageSize;
    this.cap = pageSize - PAGE_HEADER_SIZE;
    // two key/data pairs must fit on a page (minkey 2)
    this.ovflSize = Math.floor(this.cap / 4) - 10;
    this.page = Buffer.alloc(pageSize);
  }

  /** On-page size of a leaf item of len bytes, index slot included. */
  private leafItem(len: number): number {
    return (len > this.ovflSize ? 12 : align4(3 + len)) + 2;
  }

  /** On-page size of all of entry e's pairs. */
  private groupSize(e: number): number {
    let n = this.leafItem(this.arena.keyLength(e));
    if (!this.arena.hasDuplicates(e)) return n + this.leafItem(this.arena.valLength(e));
    const vals = this.arena.values(e);
    for (const [, len] of vals) n += this.leafItem(len);
    return n + 2 * (vals.length - 1);
  }

  /** Shortest prefix of `right` that sorts after `left`. */
  private separator(left: Buffer, right: Buffer): Buffer {
    const n = Math.min(left.length, right.length);
    let i = 0;
    while (i < n && left[i] === right[i]) i++;
    return right.subarray(0, Math.min(right.length, i + 1));
  }

  /** Write the file for the arena's entries. */
  write(opts: BtreeWriteOptions): void {
    const a = this.arena;
    const order = Array.from({ length: a.count }, (_, i) => i);
    order.sort((x, y) => a.compareKeys(x, y));
    const leaves: Leaf[] = [];
    let cur: number[] = [];
    let free = this.cap;
    for (const e of order) {
      const size = this.groupSize(e);
      if (size > this.cap) throw new Error(`too many duplicates of key ${a.key(e).toString("latin1")} for one btree page`);
      if (size > free && cur.length > 0) {
        leaves.push({ entries: cur });
        cur = [];
        free = this.cap;
      }
      cur.push(e);
      free -= size;
    }
    leaves.push({ entries: cur });
    // internal levels, bottom up; level[0] lists leaf indices
    const levels: Internal[][] = [];
    let childCount = leaves.length;
    let firstKeys: Buffer[] = leaves.map((l) => (l.entries.length > 0 ? a.key(l.entries[0]!) : Buffer.alloc(0)));
    let lastKeys: Buffer[] = leaves.map((l) => (l.entries.length > 0 ? a.key(l.entries[l.entries.length - 1]!) : Buffer.alloc(0)));
    while (childCount > 1) {
      const pages: Internal[] = [];
      let page: Internal = { children: [], keys: [] };
      let room = this.cap;
      const nextFirst: Buffer[] = [];
      const nextLast: Buffer[] = [];
      for (let c = 0; c < childCount; c++) {
        const key = c === 0 ? Buffer.alloc(0) : this.separator(lastKeys[c - 1]!, firstKeys[c]!);
        if (key.length > this.ovflSize) throw new Error("btree separator key too long");
        let size = align4(12 + key.length) + 2;
        if (size > room && page.children.length > 0) {
          pages.push(page);
          nextLast.push(lastKeys[c - 1]!);
          page = { children: [], keys: [] };
          room = this.cap;
          size = 12 + 2;
        }
        if (page.children.length === 0) nextFirst.push(firstKeys[c]!);
        page.children.push(c);
        page.keys.push(page.children.length === 1 ? Buffer.alloc(0) : key);
        room -= size;
      }
      pages.push(page);
      nextLast.push(lastKeys[childCount - 1]!);
      levels.push(pages);
      childCount = pages.length;
      firstKeys = nextFirst;
      lastKeys = nextLast;
    }
    // page numbers: root 1, then leaves, then internal levels bottom up
    const top = levels.length;
    const leafPg: number[] = [];
    const levelPg: number[][] = levels.map(() => []);
    let next = 2;
    for (let i = 0; i < leaves.length; i++) leafPg.push(top === 0 ? 1 : next++);
    for (let l = 0; l < top; l++) {
      for (let i = 0; i < levels[l]!.length; i++) levelPg[l]!.push(l === top - 1 ? 1 : next++);
    }
    this.nextBig = next;
    const lastPgno = next - 1 + this.countBigPages();
    this.writeMeta(opts, lastPgno);
    // pages in page-number order
    const writers: Array<() => void> = [];
    writers[1] = () => undefined;
    for (let i = 0; i < leaves.length; i++) {
      const prev = i === 0 ? 0 : leafPg[i - 1]!;
      const nxt = i === leaves.length - 1 ? 0 : leafPg[i + 1]!;
      writers[leafPg[i]!] = () => this.writeLeaf(leaves[i]!, leafPg[i]!, prev, nxt);
    }
    for (let l = 0; l < top; l++) {
      const childPg = l === 0 ? leafPg : levelPg[l - 1]!;
      levels[l]!.forEach((ip, i) => {
        writers[levelPg[l]![i]!] = () => this.writeInternal(ip, childPg, levelPg[l]![i]!, l + 2);
      });
    }
    for (let pg = 1; pg < next; pg++) writers[pg]!();
    for (const item of this.big) this.writeOverflow(item.bytes, item.pgno);
    this.out.flush();
  }

  /** Overflow pages every long item will need. */
  private countBigPages(): number {
    let n = 0;
    for (let e = 0; e < this.arena.count; e++) {
      const kl = this.arena.keyLength(e);
      if (kl > this.ovflSize) n += Math.ceil(kl / this.cap);
      if (!this.arena.hasDuplicates(e)) {
        const vl = this.arena.valLength(e);
        if (vl > this.ovflSize) n += Math.ceil(vl / this.cap);
      } else for (const [, vl] of this.arena.values(e)) if (vl > this.ovflSize) n += Math.ceil(vl / this.cap);
    }
    return n;
  }

  /** Fill the page header. */
  private header(pgno: number, prev: number, next: number, entries: number, hf: number, level: number, type: number): void {
    const p = this.page;
    p.writeUInt32LE(0, 0);
    p.writeUInt32LE(1, 4);
    p.writeUInt32LE(pgno, 8);
    p.writeUInt32LE(prev, 12);
    p.writeUInt32LE(next, 16);
    p.writeUInt16LE(entries, 20);
    p.writeUInt16LE(hf, 22);
    p[24] = level;
    p[25] = type;
  }

  /** The meta page. */
  private writeMeta(opts: BtreeWriteOptions, lastPgno: number): void {
    const p = this.page;
    p.fill(0);
    p.writeUInt32LE(1, 4);
    p.writeUInt32LE(DB_BTREEMAGIC, 12);
    p.writeUInt32LE(9, 16);
    p.writeUInt32LE(this.ps, 20);
    p[25] = P_BTREEMETA;
    p.writeUInt32LE(lastPgno, 32);
    p.writeUInt32LE(opts.allowDups ? BTM_DUP : 0, 48);
    (opts.fileId ?? randomBytes(20)).copy(p, 52, 0, 20);
    p.writeUInt32LE(2, 76);
    p.writeUInt32LE(0x20, 84);
    p.writeUInt32LE(1, 88);
    this.out.write(p);
  }

  /** Store arena bytes [from, from+len) as a leaf item ending at end; returns its offset. */
  private putLeafItem(from: number, len: number, end: number): number {
    const p = this.page;
    if (len > this.ovflSize) {
      const bytes = this.arena.bytes.subarray(from, from + len);
      const off = end - 12;
      p.fill(0, off, end);
      p[off + 2] = B_OVERFLOW;
      const pgno = this.nextBig;
      this.nextBig += Math.ceil(bytes.length / this.cap);
      this.big.push({ bytes, pgno });
      p.writeUInt32LE(pgno, off + 4);
      p.writeUInt32LE(bytes.length, off + 8);
      return off;
    }
    const size = align4(3 + len);
    const off = end - size;
    // the pad bytes after the data are zero
    for (let i = off + 3 + len; i < end; i++) p[i] = 0;
    p[off] = len & 0xff;
    p[off + 1] = len >>> 8;
    p[off + 2] = B_KEYDATA;
    const src = this.arena.bytes;
    if (len <= 32) for (let i = 0; i < len; i++) p[off + 3 + i] = src[from + i]!;
    else src.copy(p, off + 3, from, from + len);
    return off;
  }

  /** One leaf page. */
  private writeLeaf(leaf: Leaf, pgno: number, prev: number, next: number): void {
    const p = this.page;
    let end = this.ps;
    let slot = PAGE_HEADER_SIZE;
    const a = this.arena;
    for (const e of leaf.entries) {
      const koff = (end = this.putLeafItem(a.keyOffset(e), a.keyLength(e), end));
      if (!a.hasDuplicates(e)) {
        end = this.putLeafItem(a.valOffset(e), a.valLength(e), end);
        p.writeUInt16LE(koff, slot);
        p.writeUInt16LE(end, slot + 2);
        slot += 4;
        continue;
      }
      for (const [vo, vl] of a.values(e)) {
        end = this.putLeafItem(vo, vl, end);
        p.writeUInt16LE(koff, slot);
        p.writeUInt16LE(end, slot + 2);
        slot += 4;
      }
    }
    p.fill(0, slot, end);
    this.header(pgno, prev, next, (slot - PAGE_HEADER_SIZE) / 2, end, 1, P_LBTREE);
    this.out.write(p);
  }

  /** One internal page at the given level (leaves are level 1). */
  private writeInternal(ip: Internal, childPg: number[], pgno: number, level: number): void {
    const p = this.page;
    let end = this.ps;
    let slot = PAGE_HEADER_SIZE;
    for (let i = 0; i < ip.children.length; i++) {
      const key = ip.keys[i]!;
      end -= align4(12 + key.length);
      p.fill(0, end, end + align4(12 + key.length));
      p.writeUInt16LE(key.length, end);
      p[end + 2] = B_KEYDATA;
      p.writeUInt32LE(childPg[ip.children[i]!]!, end + 4);
      key.copy(p, end + 12);
      p.writeUInt16LE(end, slot);
      slot += 2;
    }
    p.fill(0, slot, end);
    this.header(pgno, 0, 0, ip.children.length, end, level, P_IBTREE);
    this.out.write(p);
  }

  /** The overflow pages of one long item. */
  private writeOverflow(bytes: Buffer, first: number): void {
    const count = Math.ceil(bytes.length / this.cap);
    for (let i = 0; i < count; i++) {
      const chunk = bytes.subarray(i * this.cap, Math.min(bytes.length, (i + 1) * this.cap));
      this.page.fill(0);
      this.header(first + i, i === 0 ? 0 : first + i - 1, i === count - 1 ? 0 : first + i + 1, 1, chunk.length, 0, P_OVERFLOW);
      chunk.copy(this.page, PAGE_HEADER_SIZE);
      this.out.write(this.page);
    }
  }
}

/** Write a Berkeley DB btree file holding every entry of arena to fd. */
export function writeBtreeFile(fd: number, arena: KvArena, opts: BtreeWriteOptions): void {
  new BtreeFileBuilder(arena, new FileWriter(fd), opts.pageSize ?? 4096).write(opts);
}
