/*
 * sysio - synchronous standard input and output for the map commands.
 *
 * The commands are short-lived batch tools: they read all of standard
 * input, then write their output with write(2), retrying when a
 * non-blocking pipe is momentarily full, so nothing is lost at exit.
 */

import { readFileSync, readSync, writeSync } from "node:fs";

/** All of standard input (empty when it is closed or a terminal error occurs). */
export function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EAGAIN") return readStdinSlow();
    return Buffer.alloc(0);
  }
}

/** Read a non-blocking standard input by polling. */
function readStdinSlow(): Buffer {
  const chunks: Buffer[] = [];
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readChunk(buf);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      break;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** One read(2) from fd 0. */
function readChunk(buf: Buffer): number {
  return readSync(0, buf, 0, buf.length, null);
}

/** Write all of data to fd, retrying on EAGAIN. */
export function writeAll(fd: number, data: string | Uint8Array): void {
  const b = typeof data === "string" ? Buffer.from(data, "latin1") : data;
  let off = 0;
  while (off < b.length) {
    try {
      off += writeSync(fd, b, off, b.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
    }
  }
}
