/*
 * file_writer - sequential buffered writes to a file descriptor.
 *
 * Map writers produce a file front to back in page-sized pieces; this
 * gathers them into large chunks so a million-entry map costs a few hundred
 * write(2) calls, not tens of thousands.
 */

import { writeSync } from "node:fs";

/** Buffers writes to fd and flushes them in large chunks. */
export class FileWriter {
  private buf: Buffer;
  private used = 0;
  /** Bytes written so far (flushed or buffered). */
  position = 0;

  constructor(
    private readonly fd: number,
    chunk = 1 << 20,
  ) {
    this.buf = Buffer.allocUnsafe(chunk);
  }

  /** Append bytes. */
  write(b: Uint8Array): void {
    if (b.length > this.buf.length - this.used) {
      this.flush();
      if (b.length > this.buf.length) {
        this.writeAll(b);
        this.position += b.length;
        return;
      }
    }
    this.buf.set(b, this.used);
    this.used += b.length;
    this.position += b.length;
  }

  /** Append n zero bytes. */
  zeros(n: number): void {
    while (n > 0) {
      if (this.used === this.buf.length) this.flush();
      const k = Math.min(n, this.buf.length - this.used);
      this.buf.fill(0, this.used, this.used + k);
      this.used += k;
      this.position += k;
      n -= k;
    }
  }

  /** Write out whatever is buffered. */
  flush(): void {
    if (this.used > 0) this.writeAll(this.buf.subarray(0, this.used));
    this.used = 0;
  }

  /** write(2) until everything is out. */
  private writeAll(b: Uint8Array): void {
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
  }
}
