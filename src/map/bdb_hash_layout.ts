/*
 * bdb_hash_layout - where Berkeley DB 5.3 would put each pair of a hash map.
 *
 * The order real `makemap -u` and `praliases` print a hash map in is the
 * order of its buckets, of the pages in each bucket's chain and of the
 * items on each page. To print the same as sendmail's tools for maps we
 * build, we replay the insertions the way Berkeley DB does them (observed
 * on files written by Debian's makemap and newaliases, fill factor 0):
 *
 *  - a new pair goes to the first page of its bucket chain with more room
 *    than it needs (or the last page, if it fits there exactly); with none, a
 *    new page is chained at the end, and after the insertion
 *    the table grows by one bucket (linear hashing: bucket max_bucket+1 is
 *    split off bucket (max_bucket+1) & low_mask);
 *  - a split walks the old chain page by page in key order and appends each
 *    pair to the current last page of its new bucket, chaining a fresh page
 *    when it does not fit;
 *  - pages keep their items sorted by key (bytewise; of two keys where one
 *    is a prefix of the other, the longer first);
 *  - an item is stored off-page when it is longer than a quarter page;
 *  - a duplicate set (makemap -d) stays on the page while it is at most a
 *    quarter page and grows within the page's free space; otherwise it moves
 *    to an off-page duplicate tree (see grewDuplicates).
 *
 * Only sizes and entry numbers are tracked here; bdb_hash_write lays the
 * bytes out afterwards.
 */

import type { KvArena } from "./kv_arena.js";
import { PAGE_HEADER_SIZE } from "./bdb_common.js";

/** On-page size of a reference to an off-page duplicate tree. */
export const HOFFDUP_SIZE = 8;

/** How a duplicate set moved off its page: values it held then, and whether its single value was on overflow pages. */
export interface OffDupConversion {
  readonly copied: number;
  readonly firstOnOverflow: boolean;
}

/** A simulated page: entry numbers on it, bytes free, next page in the chain. */
export interface SimPage {
  items: number[];
  free: number;
  next: SimPage | null;
  sorted: boolean;
}

/** Linear-hashing simulation over the entries of an arena. */
export class HashLayout {
  maxBucket = 1;
  highMask = 1;
  lowMask = 0;
  /** Keys stored (Berkeley DB's nelem, less the creator's hint). */
  nelem = 0;
  /** Entries whose duplicate set lives in an off-page duplicate tree. */
  readonly offDup = new Map<number, OffDupConversion>();
  /** First page of each bucket. */
  readonly heads: SimPage[];
  /** The page each entry is on. */
  private pageOf: SimPage[] = [];
  private readonly capacity: number;

  constructor(
    private readonly arena: KvArena,
    readonly pageSize = 4096,
  ) {
    this.capacity = pageSize - PAGE_HEADER_SIZE;
    this.heads = [this.newPage(), this.newPage()];
  }

  /** An empty page. */
  private newPage(): SimPage {
    return { items: [], free: this.capacity, next: null, sorted: true };
  }

  /** Whether an item of len bytes is stored off-page. */
  isBig(len: number): boolean {
    return len > this.pageSize / 4;
  }

  /** On-page bytes of one key or value item, index slot included. */
  itemSize(len: number): number {
    return (this.isBig(len) ? 12 : 1 + len) + 2;
  }

  /** On-page bytes of entry e's data item (a duplicate set when it has several values). */
  dataSize(e: number): number {
    if (this.offDup.has(e)) return HOFFDUP_SIZE + 2;
    if (!this.arena.hasDuplicates(e)) return this.itemSize(this.arena.valLength(e));
    let n = 1;
    for (const [, len] of this.arena.values(e)) n += len + 4;
    return n + 2;
  }

  /** Total on-page bytes of entry e's pair. */
  pairSize(e: number): number {
    return this.itemSize(this.arena.keyLength(e)) + this.dataSize(e);
  }

  /** Bucket of a hash value under the current masks. */
  bucketOfHash(h: number): number {
    let b = (h & this.highMask) >>> 0;
    if (b > this.maxBucket) b = (b & this.lowMask) >>> 0;
    return b;
  }

  /** Place entry e on page pg. */
  private place(e: number, pg: SimPage, size: number): void {
    pg.items.push(e);
    pg.free -= size;
    pg.sorted = false;
    this.pageOf[e] = pg;
  }

  /** Insert a new entry; grows the table when a page had to be added. */
  insert(e: number): void {
    this.nelem++;
    if (this.add(e)) this.split();
  }

  /**
   * Placement in e's bucket chain; true if a page was added. Berkeley DB
   * takes the first page with strictly more free bytes than the pair needs;
   * failing that the last page if the pair fits exactly; failing that a new
   * page at the end of the chain.
   */
  private add(e: number): boolean {
    const size = this.pairSize(e);
    let pg: SimPage | null = this.heads[this.bucketOfHash(this.arena.hashOf(e))]!;
    let last = pg;
    while (pg !== null) {
      if (pg.free > size) {
        this.place(e, pg, size);
        return false;
      }
      last = pg;
      pg = pg.next;
    }
    if (last.free >= size) {
      this.place(e, last, size);
      return false;
    }
    const np = this.newPage();
    last.next = np;
    this.place(e, np, size);
    return true;
  }

  /**
   * Entry e's data grew or shrank from oldSize bytes (value replaced,
   * duplicate added). Berkeley DB replaces in place when the page has room;
   * otherwise it deletes the pair (keeping the page even if emptied) and
   * adds it again on the first page from e's own onwards with room
   * (stopping at an emptied page), else on a new page at the end of the
   * chain, which grows the table as an insertion does.
   */
  resize(e: number, oldSize: number): void {
    const pg = this.pageOf[e]!;
    const size = this.pairSize(e);
    if (pg.free + oldSize >= size) {
      pg.free += oldSize - size;
      return;
    }
    pg.items.splice(pg.items.indexOf(e), 1);
    pg.free += oldSize;
    if (this.readd(e, pg, size)) this.split();
  }

  /**
   * Entry e gained a duplicate value (already added to the arena); its pair
   * was oldSize bytes. What Berkeley DB does (observed on files real
   * makemap -d writes, probing every page fill around the boundaries):
   *
   *  - a set already off-page grows in its tree; the page is unchanged;
   *  - a set that grows past a quarter page, or a first duplicate of a
   *    value stored on overflow pages, moves to an off-page duplicate tree
   *    (the page keeps an 8-byte reference), unless the reference itself
   *    does not fit where the old data item was;
   *  - otherwise the set grows in place when the bytes added (the value and
   *    its two 2-byte lengths, plus 4 for the first value when a single
   *    value becomes a set) fit in the page's free space;
   *  - when they are one byte short, the set moves to an off-page tree;
   *  - when they are shorter still, the pair moves to another page of the
   *    chain (or a new one) and the table grows by one bucket.
   */
  grewDuplicates(e: number, oldSize: number): void {
    if (this.offDup.has(e)) return;
    const pg = this.pageOf[e]!;
    const vals = this.arena.values(e);
    const added = vals[vals.length - 1]![1] + 4 + (vals.length === 2 ? 4 : 0);
    let setBytes = 0;
    for (const [, len] of vals) setBytes += len + 4;
    const wasBig = vals.length === 2 && this.isBig(vals[0]![1]);
    if (wasBig || setBytes > this.pageSize / 4) {
      const oldData = oldSize - this.itemSize(this.arena.keyLength(e)) - 2;
      this.offDup.set(e, { copied: vals.length - 1, firstOnOverflow: wasBig });
      if (wasBig || oldData > HOFFDUP_SIZE || HOFFDUP_SIZE - oldData <= pg.free) pg.free += oldSize - this.pairSize(e);
      else this.move(e, pg, oldSize);
      return;
    }
    if (added <= pg.free) pg.free -= added;
    else if (added - 1 <= pg.free) {
      this.offDup.set(e, { copied: vals.length - 1, firstOnOverflow: false });
      pg.free += oldSize - this.pairSize(e);
    } else this.move(e, pg, oldSize);
  }

  /** Move entry e's pair (oldSize bytes on pg, grown since) to another page of its chain; the table grows. */
  private move(e: number, pg: SimPage, oldSize: number): void {
    const size = this.pairSize(e);
    pg.items.splice(pg.items.indexOf(e), 1);
    pg.free += oldSize;
    this.readd(e, pg, size);
    this.split();
  }

  /**
   * Put a moved pair back, Berkeley DB's way: the first page from pg
   * onwards with room (stopping at an empty page or the end of the chain),
   * else a new page after the last; true if a page was added.
   */
  private readd(e: number, pg: SimPage, size: number): boolean {
    let cur = pg;
    while (cur.items.length > 0 && cur.next !== null) {
      if (cur.free >= size) break;
      cur = cur.next;
    }
    if (cur.free >= size) {
      this.place(e, cur, size);
      return false;
    }
    const np = this.newPage();
    np.next = cur.next;
    cur.next = np;
    this.place(e, np, size);
    return true;
  }

  /** Sort a page's entries by key (Berkeley DB keeps hash pages sorted). */
  sortPage(pg: SimPage): void {
    if (!pg.sorted) {
      pg.items.sort((a, b) => this.arena.compareKeysHashOrder(a, b));
      pg.sorted = true;
    }
  }

  /** Add bucket max_bucket+1 and move its pairs out of the bucket it splits from. */
  private split(): void {
    const nb = this.maxBucket + 1;
    if (nb > this.highMask) {
      this.lowMask = this.highMask;
      this.highMask = nb | this.lowMask;
    }
    this.maxBucket = nb;
    const ob = nb & this.lowMask;
    let old: SimPage | null = this.heads[ob]!;
    const fresh = [this.newPage(), this.newPage()];
    this.heads[ob] = fresh[0]!;
    this.heads[nb] = fresh[1]!;
    const cur = fresh.slice();
    // the order pairs are moved in matters only if a new bucket needs more than one page
    const need = [0, 0];
    for (let q: SimPage | null = old; q !== null; q = q.next) {
      for (const e of q.items) need[this.bucketOfHash(this.arena.hashOf(e)) === nb ? 1 : 0]! += this.pairSize(e);
    }
    const ordered = need[0]! > this.capacity || need[1]! > this.capacity;
    while (old !== null) {
      if (ordered) this.sortPage(old);
      for (const e of old.items) {
        const which = this.bucketOfHash(this.arena.hashOf(e)) === nb ? 1 : 0;
        const size = this.pairSize(e);
        let pg = cur[which]!;
        if (pg.free < size) {
          const np = this.newPage();
          pg.next = np;
          cur[which] = pg = np;
        }
        pg.items.push(e);
        pg.free -= size;
        pg.sorted = false;
        this.pageOf[e] = pg;
      }
      old = old.next;
    }
  }
}
