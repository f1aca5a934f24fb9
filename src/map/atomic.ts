/*
 * atomic - replace a file so that readers never see half of it.
 *
 * The new content is written to a temporary file in the same directory
 * (created up front, so an unwritable directory is reported before any
 * work), fsynced, given its owner, renamed over the old name (an atomic
 * step on one file system), and the directory is fsynced so the rename
 * survives a crash. A reader that opened the old file keeps reading the
 * old, complete file; the next open sees the new one. abort() removes the
 * temporary file and leaves the old file untouched.
 */

import { closeSync, fchownSync, fsyncSync, ftruncateSync, openSync, renameSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/** A file being written under a temporary name beside its final path. */
export class AtomicFile {
  private open = true;

  private constructor(
    readonly path: string,
    readonly tempPath: string,
    readonly fd: number,
  ) {}

  /** Create the temporary file for path with the given mode (umask applies). Throws. */
  static create(path: string, mode: number): AtomicFile {
    const tmp = join(dirname(path), `.${basename(path)}.new.${process.pid}.${randomBytes(4).toString("hex")}`);
    return new AtomicFile(path, tmp, openSync(tmp, "wx", mode));
  }

  /** Empty the temporary file (to write it again). */
  truncate(): void {
    ftruncateSync(this.fd, 0);
  }

  /** fsync, chown (when uid is given), rename into place. Throws (and aborts) on failure. */
  commit(uid?: number): void {
    try {
      fsyncSync(this.fd);
      if (uid !== undefined) fchownSync(this.fd, uid, -1);
      closeSync(this.fd);
      this.open = false;
      renameSync(this.tempPath, this.path);
    } catch (e) {
      this.abort();
      throw e;
    }
    syncDirectory(dirname(this.path));
  }

  /** Throw the new content away; the old file stays as it was. */
  abort(): void {
    if (this.open) {
      this.open = false;
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
    }
    try {
      unlinkSync(this.tempPath);
    } catch {
      /* already gone */
    }
  }
}

/** fsync a directory (best effort: not every file system allows it). */
function syncDirectory(dir: string): void {
  let fd = -1;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    /* ignore */
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** Write path atomically through write(fd); throws with the old file intact on failure. */
export function replaceFileAtomically(path: string, mode: number, write: (fd: number) => void, uid?: number): void {
  const f = AtomicFile.create(path, mode);
  try {
    write(f.fd);
  } catch (e) {
    f.abort();
    throw e;
  }
  f.commit(uid);
}
