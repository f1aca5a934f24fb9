/*
 * bdb_common - what Berkeley DB's hash and btree files share.
 *
 * Every page starts with the same 26-byte header (LSN, page number, previous
 * and next page, entry count, free-space offset, tree level, page type);
 * page 0 is a meta page that starts with the generic 72-byte meta header
 * (magic, version, page size, type, flags, free list, last page, file id).
 * Numbers are in the byte order of the machine that wrote the file; the
 * magic number tells which, so files from big-endian hosts read as well.
 * Long keys and values live on chains of overflow pages.
 */

import { PageFile } from "./pagefile.js";

/** Magic numbers of the two access methods. */
export const DB_HASHMAGIC = 0x061561;
export const DB_BTREEMAGIC = 0x053162;

/** Page types (the last byte of the page header). */
export const P_INVALID = 0;
export const P_HASH_UNSORTED = 2;
export const P_IBTREE = 3;
export const P_IRECNO = 4;
export const P_LBTREE = 5;
export const P_LRECNO = 6;
export const P_OVERFLOW = 7;
export const P_HASHMETA = 8;
export const P_BTREEMETA = 9;
export const P_LDUP = 12;
export const P_HASH = 13;

/** Size of the page header every page type starts with. */
export const PAGE_HEADER_SIZE = 26;
/** Size of the generic meta header. */
export const META_HEADER_SIZE = 72;
/** Meta flag: pages carry checksums (not written by makemap; unsupported). */
export const DBMETA_CHKSUM = 0x01;

/** A file that is not a usable map: truncated, corrupt, wrong type. */
export class MapFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MapFormatError";
  }
}

/** Reads integers in the byte order the file was written in. */
export class Endian {
  constructor(readonly little: boolean) {}
  /** Unsigned 16-bit integer at offset o of b. */
  u16(b: Buffer, o: number): number {
    return this.little ? b.readUInt16LE(o) : b.readUInt16BE(o);
  }
  /** Unsigned 32-bit integer at offset o of b. */
  u32(b: Buffer, o: number): number {
    return this.little ? b.readUInt32LE(o) : b.readUInt32BE(o);
  }
}

/** The generic meta header of page 0. */
export interface MetaHeader {
  readonly endian: Endian;
  readonly magic: number;
  readonly version: number;
  readonly pageSize: number;
  readonly encryptAlg: number;
  readonly type: number;
  readonly metaFlags: number;
  readonly free: number;
  readonly lastPgno: number;
  readonly flags: number;
}

/** Decoded page header. */
export interface PageHeader {
  readonly pgno: number;
  readonly prev: number;
  readonly next: number;
  readonly entries: number;
  readonly hfOffset: number;
  readonly level: number;
  readonly type: number;
}

/** Which access method a file's first bytes announce, or null if neither. */
export function sniffMagic(head: Buffer): { magic: number; endian: Endian } | null {
  if (head.length < META_HEADER_SIZE) return null;
  for (const little of [true, false]) {
    const e = new Endian(little);
    const m = e.u32(head, 12);
    if (m === DB_HASHMAGIC || m === DB_BTREEMAGIC) return { magic: m, endian: e };
  }
  return null;
}

/** Decode and sanity-check the meta header; `expect` is the wanted magic. */
export function readMetaHeader(head: Buffer, expect: number, what: string): MetaHeader {
  const s = sniffMagic(head);
  if (s === null) throw new MapFormatError(`not a Berkeley DB ${what} file`);
  if (s.magic !== expect) {
    throw new MapFormatError(`Berkeley DB ${s.magic === DB_HASHMAGIC ? "hash" : "btree"} file, not ${what}`);
  }
  const e = s.endian;
  const meta: MetaHeader = {
    endian: e,
    magic: s.magic,
    version: e.u32(head, 16),
    pageSize: e.u32(head, 20),
    encryptAlg: head[24]!,
    type: head[25]!,
    metaFlags: head[26]!,
    free: e.u32(head, 28),
    lastPgno: e.u32(head, 32),
    flags: e.u32(head, 48),
  };
  const ps = meta.pageSize;
  if (ps < 512 || ps > 65536 || (ps & (ps - 1)) !== 0) throw new MapFormatError(`bad page size ${ps}`);
  if (meta.encryptAlg !== 0) throw new MapFormatError("encrypted databases are not supported");
  if ((meta.metaFlags & DBMETA_CHKSUM) !== 0) throw new MapFormatError("databases with page checksums are not supported");
  return meta;
}

/** Decode the header of a page. */
export function pageHeader(e: Endian, p: Buffer): PageHeader {
  return {
    pgno: e.u32(p, 8),
    prev: e.u32(p, 12),
    next: e.u32(p, 16),
    entries: e.u16(p, 20),
    hfOffset: e.u16(p, 22),
    level: p[24]!,
    type: p[25]!,
  };
}

/** Read a value stored on a chain of overflow pages starting at pgno. */
export function readOverflow(pf: PageFile, e: Endian, pgno: number, tlen: number): Buffer {
  const out = Buffer.allocUnsafe(tlen);
  let got = 0;
  let pages = 0;
  const limit = pf.pageCount;
  const p = Buffer.allocUnsafe(pf.pageSize);
  while (got < tlen) {
    if (pgno === 0 || ++pages > limit) throw new MapFormatError("overflow chain ends early");
    pf.pageInto(pgno, p);
    if (p[25] !== P_OVERFLOW) throw new MapFormatError(`page ${pgno} is not an overflow page`);
    const n = e.u16(p, 22);
    if (n > pf.pageSize - PAGE_HEADER_SIZE || got + n > tlen) throw new MapFormatError(`overflow page ${pgno} has a bad length`);
    p.copy(out, got, PAGE_HEADER_SIZE, PAGE_HEADER_SIZE + n);
    got += n;
    pgno = e.u32(p, 16);
  }
  return out;
}
