/*
 * bdb_hash_write - lay a simulated hash table out as a Berkeley DB file.
 *
 * Produces a little-endian Berkeley DB 5.3 hash file (version 9, sorted
 * pages) that Berkeley DB itself, sendmail, makemap -u and db_dump read:
 * page 0 is the meta page; bucket b is page b+1 (every doubling is laid out
 * whole, as Berkeley DB reserves it, so the spares table is all ones);
 * chained bucket pages follow, then the overflow pages of long items. The
 * pages of the last doubling that hold no bucket yet are left zero except
 * the last one, which is an empty bucket page, as Berkeley DB leaves them.
 * Off-page duplicate trees (makemap -d with large duplicate sets) are
 * numbered, each in Berkeley DB's allocation order, with the overflow pages.
 */

import { randomBytes } from "node:crypto";
import { BDB_HASH_CHARKEY, ceilLog2 } from "./bdb_hashfn.js";
import { DB_HASHMAGIC, P_HASH, P_HASHMETA, P_IRECNO, P_LRECNO, P_OVERFLOW, PAGE_HEADER_SIZE } from "./bdb_common.js";
import type { HashLayout, SimPage } from "./bdb_hash_layout.js";
import { H_DUPLICATE, H_KEYDATA, H_OFFDUP, H_OFFPAGE } from "./bdb_hash.js";
import { B_KEYDATA, B_OVERFLOW } from "./bdb_btree.js";
import { align4, buildDupTree, type DupNode, type DupTree } from "./bdb_dup_tree.js";
import { FileWriter } from "./file_writer.js";
import type { KvArena } from "./kv_arena.js";

/** How the meta page describes the file. */
export interface HashWriteOptions {
  /** Added to nelem as Berkeley DB does with a creator's size hint (makemap: 4096). */
  readonly nelemHint: number;
  /** Set the "duplicates allowed" flag (makemap -d). */
  readonly allowDups: boolean;
  /** The 20-byte file id (random by default, as Berkeley DB makes one up). */
  readonly fileId?: Buffer;
}

/** Meta flag of a hash file that allows duplicate keys. */
const DB_HASH_DUP = 0x01;

/** Pages waiting to be written after the bucket pages, in page order. */
type Pending =
  | { readonly kind: "overflow"; readonly bytes: Buffer; readonly pgno: number }
  | { readonly kind: "dup"; readonly e: number; readonly tree: DupTree; readonly node: DupNode; readonly ovflPgno: Map<number, number> };

/** Serialises one layout. */
class HashFileBuilder {
  private readonly ps: number;
  private readonly page: Buffer;
  private readonly pgnoOf = new Map<SimPage, number>();
  private readonly pending: Pending[] = [];
  /** The duplicate trees of entries stored with off-page duplicates. */
  private readonly trees = new Map<number, DupTree>();
  private nextBig = 0;
  private readonly nBucketPages: number;

  constructor(
    private readonly arena: KvArena,
    private readonly layout: HashLayout,
    private readonly out: FileWriter,
  ) {
    this.ps = layout.pageSize;
    this.page = Buffer.alloc(this.ps);
    this.nBucketPages = layout.highMask + 1;
  }

  /** Number the pages and write the whole file. */
  write(opts: HashWriteOptions): void {
    const L = this.layout;
    let next = 1 + this.nBucketPages;
    for (let b = 0; b <= L.maxBucket; b++) {
      let pg: SimPage | null = L.heads[b]!;
      this.pgnoOf.set(pg, b + 1);
      for (pg = pg.next; pg !== null; pg = pg.next) this.pgnoOf.set(pg, next++);
    }
    this.nextBig = next;
    const lastPgno = next - 1 + this.countBigPages();
    this.writeMeta(opts, lastPgno);
    for (let b = 0; b < this.nBucketPages; b++) {
      if (b <= L.maxBucket) this.writeBucketPage(L.heads[b]!, b + 1, 0);
      else if (b === this.nBucketPages - 1) this.writeEmptyBucket(b + 1);
      else this.out.zeros(this.ps);
    }
    for (let b = 0; b <= L.maxBucket; b++) {
      let prev = L.heads[b]!;
      for (let pg = prev.next; pg !== null; prev = pg, pg = pg.next) this.writeBucketPage(pg, this.pgnoOf.get(pg)!, this.pgnoOf.get(prev)!);
    }
    for (const item of this.pending) {
      if (item.kind === "overflow") this.writeOverflow(item);
      else this.writeDupPage(item.e, item.tree, item.node, item.ovflPgno);
    }
    this.out.flush();
  }

  /** Overflow and duplicate-tree pages all long keys and values and large duplicate sets will need. */
  private countBigPages(): number {
    const per = this.ps - PAGE_HEADER_SIZE;
    let n = 0;
    for (let e = 0; e < this.arena.count; e++) {
      const kl = this.arena.keyLength(e);
      if (this.layout.isBig(kl)) n += Math.ceil(kl / per);
      if (!this.arena.hasDuplicates(e)) {
        const vl = this.arena.valLength(e);
        if (this.layout.isBig(vl)) n += Math.max(1, Math.ceil(vl / per));
      }
    }
    for (const e of this.layout.offDup.keys()) {
      const lengths = this.arena.values(e).map(([, len]) => len);
      const conv = this.layout.offDup.get(e)!;
      const tree = buildDupTree({ lengths, copied: conv.copied, firstOnOverflow: conv.firstOnOverflow }, this.ps);
      this.trees.set(e, tree);
      for (const a of tree.allocs) n += "node" in a ? 1 : Math.max(1, Math.ceil(lengths[a.overflow]! / per));
    }
    return n;
  }

  /** Number the pages of entry e's duplicate tree; returns its root page. */
  private allocDupTree(e: number): number {
    const tree = this.trees.get(e)!;
    const vals = this.arena.values(e);
    const per = this.ps - PAGE_HEADER_SIZE;
    const ovflPgno = new Map<number, number>();
    for (const a of tree.allocs) {
      if ("node" in a) {
        a.node.pgno = this.nextBig++;
        this.pending.push({ kind: "dup", e, tree, node: a.node, ovflPgno });
      } else {
        const [vo, vl] = vals[a.overflow]!;
        ovflPgno.set(a.overflow, this.nextBig);
        this.pending.push({ kind: "overflow", bytes: this.arena.bytes.subarray(vo, vo + vl), pgno: this.nextBig });
        this.nextBig += Math.max(1, Math.ceil(vl / per));
      }
    }
    return tree.root.pgno;
  }

  /** A page of an off-page duplicate tree (recno leaf or internal page). */
  private writeDupPage(e: number, tree: DupTree, node: DupNode, ovflPgno: Map<number, number>): void {
    const p = this.page;
    let end = this.ps;
    let slot = PAGE_HEADER_SIZE;
    if (node.leaf) {
      const vals = this.arena.values(e);
      for (const v of node.values) {
        const [vo, vl] = vals[v]!;
        if (ovflPgno.has(v)) {
          end -= 12;
          p.fill(0, end, end + 12);
          p[end + 2] = B_OVERFLOW;
          p.writeUInt32LE(ovflPgno.get(v)!, end + 4);
          p.writeUInt32LE(vl, end + 8);
        } else {
          const size = align4(3 + vl);
          end -= size;
          p.fill(0, end, end + size);
          p.writeUInt16LE(vl, end);
          p[end + 2] = B_KEYDATA;
          this.arena.bytes.copy(p, end + 3, vo, vo + vl);
        }
        p.writeUInt16LE(end, slot);
        slot += 2;
      }
      const i = tree.leaves.indexOf(node);
      const prev = i > 0 ? tree.leaves[i - 1]!.pgno : 0;
      const next = i + 1 < tree.leaves.length ? tree.leaves[i + 1]!.pgno : 0;
      p.fill(0, slot, end);
      this.header(node.pgno, prev, next, node.values.length, end, P_LRECNO);
    } else {
      for (const c of node.children) {
        end -= 8;
        p.writeUInt32LE(c.pgno, end);
        p.writeUInt32LE(c.records, end + 4);
        p.writeUInt16LE(end, slot);
        slot += 2;
      }
      p.fill(0, slot, end);
      // the root of a recno tree keeps the record count in its "previous page" field
      this.header(node.pgno, node === tree.root ? node.records : 0, 0, node.children.length, end, P_IRECNO);
    }
    p[24] = node.level;
    this.out.write(p);
  }

  /** Fill the common page header. */
  private header(pgno: number, prev: number, next: number, entries: number, hf: number, type: number): void {
    const p = this.page;
    p.writeUInt32LE(0, 0);
    p.writeUInt32LE(1, 4);
    p.writeUInt32LE(pgno, 8);
    p.writeUInt32LE(prev, 12);
    p.writeUInt32LE(next, 16);
    p.writeUInt16LE(entries, 20);
    p.writeUInt16LE(hf, 22);
    p[24] = 0;
    p[25] = type;
  }

  /** The meta page. */
  private writeMeta(opts: HashWriteOptions, lastPgno: number): void {
    const p = this.page;
    const L = this.layout;
    p.fill(0);
    p.writeUInt32LE(1, 4);
    p.writeUInt32LE(DB_HASHMAGIC, 12);
    p.writeUInt32LE(9, 16);
    p.writeUInt32LE(this.ps, 20);
    p[25] = P_HASHMETA;
    p.writeUInt32LE(lastPgno, 32);
    p.writeUInt32LE(opts.allowDups ? DB_HASH_DUP : 0, 48);
    (opts.fileId ?? randomBytes(20)).copy(p, 52, 0, 20);
    p.writeUInt32LE(L.maxBucket, 72);
    p.writeUInt32LE(L.highMask, 76);
    p.writeUInt32LE(L.lowMask, 80);
    p.writeUInt32LE(0, 84);
    p.writeUInt32LE((opts.nelemHint + L.nelem) >>> 0, 88);
    p.writeUInt32LE(BDB_HASH_CHARKEY, 92);
    const doublings = ceilLog2(this.nBucketPages);
    for (let d = 0; d <= doublings; d++) p.writeUInt32LE(1, 96 + 4 * d);
    this.out.write(p);
  }

  /** An initialised bucket page with no items. */
  private writeEmptyBucket(pgno: number): void {
    this.page.fill(0);
    this.header(pgno, 0, 0, 0, this.ps, P_HASH);
    this.out.write(this.page);
  }

  /** Reserve overflow pages for a long item; returns its first page. */
  private allocBig(bytes: Buffer): number {
    const pgno = this.nextBig;
    this.nextBig += Math.max(1, Math.ceil(bytes.length / (this.ps - PAGE_HEADER_SIZE)));
    this.pending.push({ kind: "overflow", bytes, pgno });
    return pgno;
  }

  /** Store a key or value item ending at off; returns its offset. */
  private putItem(bytes: Buffer, end: number): number {
    const p = this.page;
    if (this.layout.isBig(bytes.length)) {
      const off = end - 12;
      p.fill(0, off, end);
      p[off] = H_OFFPAGE;
      p.writeUInt32LE(this.allocBig(bytes), off + 4);
      p.writeUInt32LE(bytes.length, off + 8);
      return off;
    }
    const off = end - 1 - bytes.length;
    p[off] = H_KEYDATA;
    bytes.copy(p, off + 1);
    return off;
  }

  /** Store entry e's values as one duplicate-set item ending at end. */
  private putDupSet(e: number, end: number): number {
    const p = this.page;
    const vals = this.arena.values(e);
    let size = 1;
    for (const [, len] of vals) size += len + 4;
    let q = end - size;
    const off = q;
    p[q++] = H_DUPLICATE;
    for (const [vo, len] of vals) {
      p.writeUInt16LE(len, q);
      this.arena.bytes.copy(p, q + 2, vo, vo + len);
      p.writeUInt16LE(len, q + 2 + len);
      q += len + 4;
    }
    return off;
  }

  /** Store a reference to an off-page duplicate tree ending at end. */
  private putOffDup(root: number, end: number): number {
    const off = end - 8;
    this.page.fill(0, off, end);
    this.page[off] = H_OFFDUP;
    this.page.writeUInt32LE(root, off + 4);
    return off;
  }

  /** One bucket page (first of its bucket or chained). */
  private writeBucketPage(pg: SimPage, pgno: number, prev: number): void {
    const p = this.page;
    this.layout.sortPage(pg);
    const n = pg.items.length;
    let end = this.ps;
    let slot = PAGE_HEADER_SIZE;
    for (const e of pg.items) {
      end = this.putItem(this.arena.key(e), end);
      p.writeUInt16LE(end, slot);
      if (this.layout.offDup.has(e)) end = this.putOffDup(this.allocDupTree(e), end);
      else end = this.arena.hasDuplicates(e) ? this.putDupSet(e, end) : this.putItem(this.arena.value(e), end);
      p.writeUInt16LE(end, slot + 2);
      slot += 4;
    }
    p.fill(0, slot, end);
    const next = pg.next === null ? 0 : this.pgnoOf.get(pg.next)!;
    this.header(pgno, prev, next, 2 * n, end, P_HASH);
    this.out.write(p);
  }

  /** The overflow pages of one long item. */
  private writeOverflow(item: { readonly bytes: Buffer; readonly pgno: number }): void {
    const per = this.ps - PAGE_HEADER_SIZE;
    const count = Math.max(1, Math.ceil(item.bytes.length / per));
    for (let i = 0; i < count; i++) {
      const chunk = item.bytes.subarray(i * per, Math.min(item.bytes.length, (i + 1) * per));
      this.page.fill(0);
      this.header(item.pgno + i, i === 0 ? 0 : item.pgno + i - 1, i === count - 1 ? 0 : item.pgno + i + 1, 1, chunk.length, P_OVERFLOW);
      chunk.copy(this.page, PAGE_HEADER_SIZE);
      this.out.write(this.page);
    }
  }
}

/** Write a Berkeley DB hash file for the layout of arena's entries to fd. */
export function writeHashFile(fd: number, arena: KvArena, layout: HashLayout, opts: HashWriteOptions): void {
  new HashFileBuilder(arena, layout, new FileWriter(fd)).write(opts);
}
