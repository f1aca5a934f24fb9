/*
 * pagefile - fixed-size pages of an open file, read with pread.
 *
 * Map readers never load a whole file: each lookup reads the few pages it
 * needs at their offsets (fs.readSync with a position is pread(2)). A small
 * LRU cache keeps recently used pages, so hot keys (the same client
 * address, the same domain) cost no system call; its buffers are recycled
 * on eviction. A page past the end of the file is a format error (the file
 * was truncated), never a silent miss.
 */

import { readSync } from "node:fs";
import { MapFormatError } from "./bdb_common.js";

/** Page-granular reader over a file descriptor it does not own. */
export class PageFile {
  /** Whole pages in the file. */
  readonly pageCount: number;
  private readonly cache = new Map<number, Buffer>();

  constructor(
    readonly fd: number,
    readonly pageSize: number,
    readonly fileSize: number,
    private readonly cachePages = 256,
  ) {
    this.pageCount = Math.floor(fileSize / pageSize);
  }

  /** The bytes of page pgno (shared: callers must not modify them). */
  page(pgno: number): Buffer {
    const hit = this.cache.get(pgno);
    if (hit !== undefined) {
      this.cache.delete(pgno);
      this.cache.set(pgno, hit);
      return hit;
    }
    if (pgno >= this.pageCount) throw new MapFormatError(`page ${pgno} is beyond the end of the file (truncated?)`);
    let buf: Buffer;
    if (this.cache.size >= this.cachePages && this.cachePages > 0) {
      const oldest = this.cache.keys().next().value as number;
      buf = this.cache.get(oldest)!;
      this.cache.delete(oldest);
    } else {
      buf = Buffer.allocUnsafe(this.pageSize);
    }
    const n = readSync(this.fd, buf, 0, this.pageSize, pgno * this.pageSize);
    if (n !== this.pageSize) throw new MapFormatError(`short read of page ${pgno} (truncated?)`);
    if (this.cachePages > 0) this.cache.set(pgno, buf);
    return buf;
  }

  /** Read page pgno into buf without touching the cache (long overflow chains). */
  pageInto(pgno: number, buf: Buffer): Buffer {
    if (pgno >= this.pageCount) throw new MapFormatError(`page ${pgno} is beyond the end of the file (truncated?)`);
    const n = readSync(this.fd, buf, 0, this.pageSize, pgno * this.pageSize);
    if (n !== this.pageSize) throw new MapFormatError(`short read of page ${pgno} (truncated?)`);
    return buf;
  }

  /** Forget cached pages (after the file changed under us). */
  clear(): void {
    this.cache.clear();
  }
}
