/*
 * deliver - the local mailer: append one message to MailSpoolDir/USER.
 *
 * Steps, as mail.local takes them:
 *  1. the user must exist in the passwd database (5.1.1 otherwise);
 *  2. the mailbox is opened O_WRONLY|O_APPEND without following links;
 *     when absent it is created O_EXCL, mode 0600, and given to the user
 *     when we are root. An existing mailbox must be a regular file with one
 *     link (and, as root, belong to the user): anything else is refused;
 *  3. it is locked (dot lock + fcntl, see lock.ts), then checked to still be
 *     the file under that name (a reader may have replaced it meanwhile:
 *     then we start again);
 *  4. the entry (mbox.ts) is written at the end, then fsync'd; if any of
 *     that fails the file is truncated back to its size before the write,
 *     so a mailbox never keeps half a message;
 *  5. the locks are dropped.
 *
 * Status values are RFC 3463 codes with a text, as the queue and LMTP want.
 */

import { fs, path } from "../../util/node.js";
import { formatMboxEntry } from "./mbox.js";
import { LockError, LockTimeout, lockMailbox } from "./lock.js";
import { getpwnam, PasswdUnavailable, type PasswdEntry } from "./passwd.js";

export interface DeliveryStatus {
  /** RFC 3463 status: "2.0.0", "4.2.0", "5.1.1"... */
  readonly dsn: string;
  readonly text: string;
}

export const DEFAULT_SPOOL_DIR = "/var/spool/mail";

export interface LocalDeliveryRequest {
  /** Local user name (the mailbox name). */
  readonly user: string;
  /** Envelope sender ("" or "<>" for the null sender). */
  readonly sender: string;
  /** The message: header, empty line, body; LF or CRLF line ends. */
  readonly message: Buffer | string;
  /** Mailbox directory (default /var/spool/mail). */
  readonly spoolDir?: string;
  /** mail.local -h: store in this file of the user's home directory instead of the spool. */
  readonly homeFile?: string;
  /** A passwd-format file standing in for the passwd database. */
  readonly passwd?: string;
  /** Put Return-Path: <sender> first (default true: the in-process mailer is sendmail + mail.local). */
  readonly returnPath?: boolean;
  /** Debian mail.local's Content-Length style instead of >From quoting (default false). */
  readonly contentLength?: boolean;
  /** From_ line time (default now). */
  readonly date?: Date;
  /** Give up on a locked mailbox after this long (default 60 s). */
  readonly lockTimeoutMs?: number;
  /** mail.local -b: a full mailbox (quota, file size limit) is a permanent failure. */
  readonly bounceQuota?: boolean;
  /** Test hook: replaces write(2) on the mailbox. */
  readonly writeFn?: (fd: number, buf: Buffer, off: number, len: number) => number;
}

const ok = (text: string): DeliveryStatus => ({ dsn: "2.0.0", text });
const status = (dsn: string, text: string): DeliveryStatus => ({ dsn, text });

function errText(e: unknown): string {
  const n = e as NodeJS.ErrnoException;
  return n.code !== undefined ? `${n.code}${n.syscall !== undefined ? ` (${n.syscall})` : ""}` : String((e as Error).message ?? e);
}

function isRoot(): boolean {
  return typeof process.geteuid === "function" && process.geteuid() === 0;
}

/** A user name that can name a file in the spool directory. */
function safeName(user: string): boolean {
  return user !== "" && user !== "." && user !== ".." && !user.includes("/") && !user.includes("\0") && !user.startsWith(".");
}

type Opened = { fd: number; ino: number; dev: number } | DeliveryStatus;

/** Open (or create) the mailbox for appending; a status when that is refused. */
function openMailbox(file: string, pw: PasswdEntry, root: boolean): Opened {
  const C = fs.constants;
  for (let attempt = 0; attempt < 3; attempt++) {
    let st: import("node:fs").Stats | null = null;
    try {
      st = fs.lstatSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") return status("4.2.0", `${file}: ${errText(e)}`);
    }
    if (st === null) {
      let fd: number;
      try {
        fd = fs.openSync(file, C.O_WRONLY | C.O_CREAT | C.O_EXCL | C.O_APPEND | C.O_NOFOLLOW, 0o600);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") continue; // created meanwhile
        return status("4.2.0", `${file}: cannot create: ${errText(e)}`);
      }
      try {
        fs.fchmodSync(fd, 0o600); // whatever the umask
        if (root) fs.fchownSync(fd, pw.uid, pw.gid);
      } catch (e) {
        fs.closeSync(fd);
        return status("4.2.0", `${file}: ${errText(e)}`);
      }
      const fst = fs.fstatSync(fd);
      return { fd, ino: fst.ino, dev: fst.dev };
    }
    if (st.isSymbolicLink()) return status("4.2.0", `${file}: is a symbolic link`);
    if (!st.isFile()) return status("4.2.0", `${file}: irregular file`);
    if (st.nlink !== 1) return status("4.2.0", `${file}: too many links`);
    if (root && st.uid !== pw.uid) return status("4.2.0", `${file}: wrong ownership (${String(st.uid)})`);
    let fd: number;
    try {
      fd = fs.openSync(file, C.O_WRONLY | C.O_APPEND | C.O_NOFOLLOW);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      return status("4.2.0", `${file}: ${errText(e)}`);
    }
    const fst = fs.fstatSync(fd);
    if (fst.ino === st.ino && fst.dev === st.dev) return { fd, ino: fst.ino, dev: fst.dev };
    fs.closeSync(fd); // replaced between lstat and open
  }
  return status("4.2.0", `${file}: mailbox keeps changing`);
}

/** Still the file that file names? */
function sameFile(file: string, ino: number, dev: number): boolean {
  try {
    const st = fs.lstatSync(file);
    return st.ino === ino && st.dev === dev && st.isFile() && st.nlink === 1;
  } catch {
    return false;
  }
}

const QUOTA_CODES = new Set(["EDQUOT", "EFBIG"]);

/** Write the whole buffer at the end of fd (O_APPEND), then fsync; progress.written counts the bytes written. */
function writeAll(fd: number, buf: Buffer, writeFn: NonNullable<LocalDeliveryRequest["writeFn"]>, progress: { written: number }): void {
  let off = 0;
  while (off < buf.length) {
    const n = writeFn(fd, buf, off, Math.min(buf.length - off, 1 << 20));
    if (n <= 0) throw Object.assign(new Error("short write"), { code: "EIO", syscall: "write" });
    off += n;
    progress.written = off;
  }
  fs.fsyncSync(fd);
}

/** Deliver one message to one local user's mailbox. */
export async function deliverLocal(req: LocalDeliveryRequest): Promise<DeliveryStatus> {
  let pw: PasswdEntry | null;
  try {
    pw = safeName(req.user) ? await getpwnam(req.user, req.passwd) : null;
  } catch (e) {
    if (e instanceof PasswdUnavailable) return status("4.3.0", `${req.user}: passwd lookup failed: ${e.message}`);
    throw e;
  }
  if (pw === null) return status("5.1.1", `${req.user}: User unknown`);

  const spoolDir = req.spoolDir ?? DEFAULT_SPOOL_DIR;
  const file =
    req.homeFile !== undefined && req.homeFile !== "" ? path.join(pw.dir, req.homeFile) : path.join(spoolDir, req.user);
  const root = isRoot();
  const entry = formatMboxEntry(req.message, {
    sender: req.sender,
    returnPath: req.returnPath ?? true,
    ...(req.contentLength !== undefined ? { contentLength: req.contentLength } : {}),
    ...(req.date !== undefined ? { date: req.date } : {}),
  });
  const writeFn = req.writeFn ?? ((fd: number, b: Buffer, o: number, l: number) => fs.writeSync(fd, b, o, l));

  for (let round = 0; round < 5; round++) {
    const opened = openMailbox(file, pw, root);
    if ("dsn" in opened) return opened;
    const { fd, ino, dev } = opened;
    let lock;
    try {
      lock = await lockMailbox(file, fd, req.lockTimeoutMs !== undefined ? { timeoutMs: req.lockTimeoutMs } : {});
    } catch (e) {
      fs.closeSync(fd);
      if (e instanceof LockTimeout) return status("4.2.0", `${file}: mailbox busy, try again later`);
      if (e instanceof LockError) return status("4.2.0", `${file}: cannot lock: ${e.message}`);
      return status("4.2.0", `${file}: cannot lock: ${errText(e)}`);
    }
    try {
      if (!sameFile(file, ino, dev)) continue; // replaced or removed while we waited: open it again
      // never write without a kernel lock that is confirmed held right now
      if (!(await lock.confirm())) return status("4.2.0", `${file}: lost the mailbox lock before writing`);
      // the size is taken under both locks, and only ever truncated back to
      // under the same locks (the finally below releases them afterwards)
      const oldSize = fs.fstatSync(fd).size;
      const progress = { written: 0 };
      try {
        writeAll(fd, entry, writeFn, progress);
      } catch (e) {
        let back = "";
        try {
          // Only our own bytes are cut: the file must be exactly the old size
          // plus what we wrote (anything else means someone else wrote too,
          // and cutting would destroy their mail), and the lock still ours.
          const size = fs.fstatSync(fd).size;
          if (size === oldSize) {
            /* nothing of ours is there */
          } else if (size !== oldSize + progress.written) {
            back = `; not truncated: size ${String(size)} is not ${String(oldSize)} + our ${String(progress.written)} bytes`;
          } else if (!(await lock.confirm())) {
            back = "; not truncated: mailbox lock lost";
          } else {
            fs.ftruncateSync(fd, oldSize);
            fs.fsyncSync(fd);
          }
        } catch (t) {
          back = `; truncating back to ${String(oldSize)} failed: ${errText(t)}`;
        }
        const code = (e as NodeJS.ErrnoException).code ?? "";
        if (QUOTA_CODES.has(code))
          return status(req.bounceQuota === true ? "5.2.2" : "4.2.2", `${file}: mailbox full: ${errText(e)}${back}`);
        return status("4.3.0", `${file}: write error: ${errText(e)}${back}`);
      }
      return ok(`delivered to ${file}`);
    } finally {
      await lock.release();
      fs.closeSync(fd);
    }
  }
  return status("4.2.0", `${file}: mailbox keeps being replaced`);
}
