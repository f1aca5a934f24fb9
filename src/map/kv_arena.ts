/*
 * kv_arena - the key/value pairs a map is built from, packed for size.
 *
 * A million-entry map held as a million small Buffers costs hundreds of
 * megabytes; here every key and value is appended to one growing byte
 * arena and an entry is four integers into it. An open-addressing index
 * over the keys (by the Berkeley DB hash of the key) finds duplicates in
 * constant time. Entries keep their insertion order: the hash writer
 * replays it to lay out pages as Berkeley DB would.
 */

import { bdbHash } from "./bdb_hashfn.js";

/** Growable Int32Array. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(cap = 1024) {
    this.data = new Int32Array(cap);
  }
  /** Append one value; returns its index. */
  push(v: number): number {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length] = v;
    return this.length++;
  }
}

/** Packed key/value store with duplicate detection. */
export class KvArena {
  /** All key and value bytes. */
  bytes: Buffer;
  /** Bytes used in `bytes`. */
  used = 0;
  private readonly keyOff = new IntList();
  private readonly keyLen = new IntList();
  private readonly valOff = new IntList();
  private readonly valLen = new IntList();
  private readonly hashes = new IntList();
  /** Extra values of keys stored more than once (-d), by entry. */
  private readonly extra = new Map<number, Array<[number, number]>>();
  /** Open-addressing table of entry index + 1 (0 = empty). */
  private table = new Int32Array(1024);
  private tableBits = 10;

  /**
   * Sort prefixes: the first 12 key bytes as two base-257 numbers per entry,
   * so most comparisons touch one small array instead of the scattered
   * key bytes (memory latency dominates sorting a million keys). "hash"
   * counts the end of a key after every byte (longer key first on a tie),
   * "btree" before (shorter first).
   */
  private prefix: Float64Array | null = null;

  constructor(
    initialBytes = 1 << 16,
    private readonly prefixOrder: "hash" | "btree" | null = null,
  ) {
    this.bytes = Buffer.allocUnsafe(initialBytes);
    if (prefixOrder !== null) this.prefix = new Float64Array(2048);
  }

  /** Record the sort prefix of entry e. */
  private setPrefix(e: number, key: Uint8Array): void {
    let pre = this.prefix!;
    if (2 * e + 1 >= pre.length) {
      const grown = new Float64Array(pre.length * 2);
      grown.set(pre);
      this.prefix = pre = grown;
    }
    const endDigit = this.prefixOrder === "hash" ? 256 : 0;
    const shift = this.prefixOrder === "hash" ? 0 : 1;
    let v0 = 0;
    let v1 = 0;
    for (let j = 0; j < 6; j++) v0 = v0 * 257 + (j < key.length ? key[j]! + shift : endDigit);
    for (let j = 6; j < 12; j++) v1 = v1 * 257 + (j < key.length ? key[j]! + shift : endDigit);
    pre[2 * e] = v0;
    pre[2 * e + 1] = v1;
  }

  /** Number of distinct keys. */
  get count(): number {
    return this.keyOff.length;
  }

  /** Copy bytes into the arena; returns their offset. */
  private store(src: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (this.used + n > this.bytes.length) {
      let cap = this.bytes.length * 2;
      while (cap < this.used + n) cap *= 2;
      const b = Buffer.allocUnsafe(cap);
      this.bytes.copy(b, 0, 0, this.used);
      this.bytes = b;
    }
    const off = this.used;
    const b = this.bytes;
    if (n <= 64) for (let i = 0; i < n; i++) b[off + i] = src[start + i]!;
    else b.set(start === 0 && end === src.length ? src : src.subarray(start, end), off);
    this.used += n;
    return off;
  }

  /** Index of the entry whose key equals src[start, end), or -1. */
  find(src: Uint8Array, start = 0, end = src.length): number {
    return this.findHashed(src, start, end, bdbHash(src, start, end));
  }

  /** find() with the key's hash already known. */
  private findHashed(src: Uint8Array, start: number, end: number, h: number): number {
    const mask = this.table.length - 1;
    const len = end - start;
    for (let slot = this.slotOf(h); ; slot = (slot + 1) & mask) {
      const e = this.table[slot]! - 1;
      if (e < 0) return -1;
      if (this.hashes.data[e] === (h | 0) && this.keyLen.data[e] === len) {
        const ko = this.keyOff.data[e]!;
        let j = 0;
        while (j < len && this.bytes[ko + j] === src[start + j]) j++;
        if (j === len) return e;
      }
    }
  }

  /** First table slot for a hash (Fibonacci hashing: the key hash's low bits repeat a lot). */
  private slotOf(h: number): number {
    return Math.imul(h, 0x9e3779b1) >>> (32 - this.tableBits);
  }

  /** Put an entry index into the open-addressing table. */
  private index(e: number): void {
    const mask = this.table.length - 1;
    let slot = this.slotOf(this.hashes.data[e]!);
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = e + 1;
  }

  /** Double the table when it is half full. */
  private growTable(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.tableBits++;
    for (let e = 0; e < this.keyOff.length; e++) this.index(e);
  }

  /** Add a new key (the caller checked it is new); returns its entry index. */
  add(key: Uint8Array, val: Uint8Array): number {
    const h = bdbHash(key, 0, key.length);
    const e = this.keyOff.push(this.store(key, 0, key.length));
    this.keyLen.push(key.length);
    this.valOff.push(this.store(val, 0, val.length));
    this.valLen.push(val.length);
    this.hashes.push(h | 0);
    if (this.prefix !== null) this.setPrefix(e, key);
    if ((this.keyOff.length + 1) * 2 > this.table.length) this.growTable();
    else this.index(e);
    return e;
  }

  /** Replace the (first) value of entry e. */
  replace(e: number, val: Uint8Array): void {
    this.valOff.data[e] = this.store(val, 0, val.length);
    this.valLen.data[e] = val.length;
  }

  /** Add one more value to entry e (duplicate keys, -d). */
  addDuplicate(e: number, val: Uint8Array): void {
    const off = this.store(val, 0, val.length);
    let list = this.extra.get(e);
    if (list === undefined) {
      list = [];
      this.extra.set(e, list);
    }
    list.push([off, val.length]);
  }

  /** Whether entry e has more than one value. */
  hasDuplicates(e: number): boolean {
    return this.extra.has(e);
  }

  /** Offsets and lengths of every value of entry e, first one first. */
  values(e: number): Array<[number, number]> {
    const first: [number, number] = [this.valOff.data[e]!, this.valLen.data[e]!];
    const more = this.extra.get(e);
    return more === undefined ? [first] : [first, ...more];
  }

  /** Key offset of entry e in `bytes`. */
  keyOffset(e: number): number {
    return this.keyOff.data[e]!;
  }
  /** Key length of entry e. */
  keyLength(e: number): number {
    return this.keyLen.data[e]!;
  }
  /** Value offset of entry e in `bytes` (first value). */
  valOffset(e: number): number {
    return this.valOff.data[e]!;
  }
  /** Value length of entry e (first value). */
  valLength(e: number): number {
    return this.valLen.data[e]!;
  }
  /** Berkeley DB hash of entry e's key. */
  hashOf(e: number): number {
    return this.hashes.data[e]! >>> 0;
  }
  /** Key of entry e (a view into the arena). */
  key(e: number): Buffer {
    const o = this.keyOff.data[e]!;
    return this.bytes.subarray(o, o + this.keyLen.data[e]!);
  }
  /** First value of entry e (a view into the arena). */
  value(e: number): Buffer {
    const o = this.valOff.data[e]!;
    return this.bytes.subarray(o, o + this.valLen.data[e]!);
  }
  /**
   * Order of keys on Berkeley DB hash pages: bytewise over the common
   * length, and when one key is a prefix of the other the longer first.
   */
  compareKeysHashOrder(a: number, b: number): number {
    const pre = this.prefix;
    if (pre !== null && this.prefixOrder === "hash") {
      const d0 = pre[2 * a]! - pre[2 * b]!;
      if (d0 !== 0) return d0;
      const d1 = pre[2 * a + 1]! - pre[2 * b + 1]!;
      if (d1 !== 0) return d1;
    }
    const ao = this.keyOff.data[a]!;
    const bo = this.keyOff.data[b]!;
    const al = this.keyLen.data[a]!;
    const bl = this.keyLen.data[b]!;
    const n = al < bl ? al : bl;
    const by = this.bytes;
    for (let j = 0; j < n; j++) {
      const d = by[ao + j]! - by[bo + j]!;
      if (d !== 0) return d;
    }
    return bl - al;
  }

  /** Compare the keys of entries a and b bytewise, shorter first on a tie (btree order). */
  compareKeys(a: number, b: number): number {
    const pre = this.prefix;
    if (pre !== null && this.prefixOrder === "btree") {
      const d0 = pre[2 * a]! - pre[2 * b]!;
      if (d0 !== 0) return d0;
      const d1 = pre[2 * a + 1]! - pre[2 * b + 1]!;
      if (d1 !== 0) return d1;
    }
    const ao = this.keyOff.data[a]!;
    const bo = this.keyOff.data[b]!;
    const al = this.keyLen.data[a]!;
    const bl = this.keyLen.data[b]!;
    const n = al < bl ? al : bl;
    const by = this.bytes;
    for (let j = 0; j < n; j++) {
      const d = by[ao + j]! - by[bo + j]!;
      if (d !== 0) return d;
    }
    return al - bl;
  }
}
