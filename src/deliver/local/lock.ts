/*
 * lock - mailbox locks that mailx, procmail, mutt, dovecot and mail.local
 * all respect.
 *
 * What the others do (strace on Debian 12):
 *   - sendmail's mail.local: fcntl(F_SETLKW, F_WRLCK, whole file) on the
 *     mailbox, then a dot lock USER.lock (liblockfile: a unique file linked
 *     to USER.lock), fsync, unlink the dot lock;
 *   - procmail: dot lock by link(2) first, then fcntl(F_SETLKW, F_WRLCK);
 *   - s-nail reading a mailbox: fcntl(F_SETLK, F_RDLCK) while it copies it.
 * None of them uses flock(2), and on Linux flock and fcntl locks do not see
 * each other, so the queue's flock helper (src/queue/lock.ts) is the wrong
 * lock here; we take the same two locks they take.
 *
 * Dot lock: a unique file ".lk.PID.N.USER" holding our pid is created in
 * the spool directory and hard-linked to USER.lock; success is judged by the
 * link count of the unique file (safe on NFS, where link() may report an
 * error after succeeding). A dot lock is stale when it is older than
 * staleAfterMs (5 minutes, as liblockfile) or names a pid that no longer
 * exists (after a short grace); it is then removed if it is still the very
 * file that was judged (same inode and mtime). While held, its mtime is
 * refreshed every minute so that long deliveries are not taken for stale.
 *
 * Kernel lock: Node has no fcntl(). As in src/queue/lock.ts a helper
 * process holds it, but this one is perl (perl-base is Essential on
 * Debian; python3's fcntl.lockf is the fallback) and it is handed our own
 * mailbox descriptor as its fd 3, so it locks exactly the inode we write,
 * with no open/rename race. POSIX locks belong to a process, so every
 * delivery has its own helper, and deliveries in this process exclude each
 * other like separate programs do. The helper answers "t" (try F_SETLK
 * F_WRLCK on the whole file) with ok/busy and exits when its stdin closes:
 * on release, or when we die, so no lock outlives us.
 *
 * Order and deadlocks: mail.local takes fcntl then the dot lock, procmail
 * the other way round, both waiting without limit on the kernel lock. We
 * never wait while holding anything: both locks are tried without blocking
 * and, if either is busy, both are dropped and we back off (10 ms doubling
 * to 400 ms, jittered) until timeoutMs. Whoever holds one of the locks can
 * therefore always finish, whatever its order.
 *
 * Limits: one short-lived perl per delivery (a few ms); the struct flock
 * layout is packed for LP64 Linux (x86_64, aarch64...) and for 32-bit off_t;
 * a dot lock cannot be made where the spool directory is not writable for
 * us (a 1777 or our own spool is; a 2775 root:mail one is not unless we are
 * root): then only the kernel lock is taken, as mutt does; pid liveness is
 * only meaningful for locks made on this host.
 */

import { spawn, type ChildProcess } from "node:child_process";
import { fs, path } from "../../util/node.js";
import { alive } from "../../util/process.js";

export const PERL_CANDIDATES = ["/usr/bin/perl", "/bin/perl"];
export const PYTHON_CANDIDATES = ["/usr/bin/python3", "/bin/python3"];

const PERL_HELPER = [
  "use strict; use Fcntl qw(F_SETLK F_WRLCK F_UNLCK SEEK_SET); use Config;",
  "$| = 1;",
  'open(my $fh, ">>&=", 3) or do { print "err ", 0 + $!, "\\n"; exit 70 };',
  'my $layout = $Config{longsize} == 8 ? "s s x4 q q i x4" : "s s l l i";',
  "while (defined(my $cmd = <STDIN>)) {",
  "  chomp $cmd;",
  '  my $type = $cmd eq "u" ? F_UNLCK : F_WRLCK;',
  "  my $arg = pack($layout, $type, SEEK_SET, 0, 0, 0);",
  '  if (fcntl($fh, F_SETLK, $arg)) { print "ok\\n" }',
  '  elsif ($!{EAGAIN} || $!{EACCES}) { print "busy\\n" }',
  '  else { print "err ", 0 + $!, "\\n" }',
  "}",
].join("\n");

const PYTHON_HELPER = [
  "import fcntl, sys",
  "for cmd in sys.stdin:",
  "    try:",
  "        fcntl.lockf(3, fcntl.LOCK_UN if cmd.strip() == 'u' else fcntl.LOCK_EX | fcntl.LOCK_NB)",
  "        print('ok', flush=True)",
  "    except OSError as e:",
  "        print('busy' if e.errno in (11, 13) else 'err %d' % e.errno, flush=True)",
].join("\n");

function firstExecutable(candidates: readonly string[]): string | null {
  for (const p of candidates) {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

/** The command that can hold fcntl locks here, or null (dot locks only). */
export function fcntlHelperCommand(): { bin: string; args: string[] } | null {
  const perl = firstExecutable(PERL_CANDIDATES);
  if (perl !== null) return { bin: perl, args: ["-e", PERL_HELPER] };
  const py = firstExecutable(PYTHON_CANDIDATES);
  if (py !== null) return { bin: py, args: ["-c", PYTHON_HELPER] };
  return null;
}

export class LockError extends Error {}

/** A helper process that locks an fd of ours with fcntl on request. */
export class FcntlHelper {
  private buf = "";
  private readonly waiting: Array<(line: string) => void> = [];
  private exited: Promise<void>;
  private gone = false;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => {
      child.once("exit", () => {
        this.gone = true;
        for (const w of this.waiting.splice(0)) w("err exit");
        resolve();
      });
    });
    child.stdin!.on("error", () => {
      /* helper gone: seen on exit */
    });
    child.stdout!.setEncoding("latin1");
    child.stdout!.on("data", (chunk: string) => {
      this.buf += chunk;
      let nl: number;
      while ((nl = this.buf.indexOf("\n")) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        this.waiting.shift()?.(line);
      }
    });
  }

  /** Start a helper holding a duplicate of fd (which must be open for writing). */
  static start(fd: number): Promise<FcntlHelper> {
    const cmd = fcntlHelperCommand();
    if (cmd === null) return Promise.reject(new LockError("no perl or python3 for fcntl locking"));
    return new Promise((resolve, reject) => {
      const child = spawn(cmd.bin, cmd.args, { stdio: ["pipe", "pipe", "ignore", fd] });
      child.once("error", (e) => reject(new LockError(`fcntl helper: ${e.message}`)));
      child.once("spawn", () => resolve(new FcntlHelper(child)));
    });
  }

  private ask(cmd: string): Promise<string> {
    if (this.gone) return Promise.resolve("err exit");
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin!.write(cmd + "\n");
    });
  }

  /** Try once to write-lock the whole file: true if we hold it, false if someone else does. */
  async tryLock(): Promise<boolean> {
    const r = await this.ask("t");
    if (r === "ok") return true;
    if (r === "busy") return false;
    throw new LockError(`fcntl lock failed (${r})`);
  }

  async unlock(): Promise<void> {
    await this.ask("u");
  }

  /** Give the lock up and let the helper go (idempotent). */
  close(): Promise<void> {
    if (!this.gone) this.child.stdin!.end();
    return this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }
}

export interface DotlockOptions {
  /** A lock older than this is stale (default 5 minutes). */
  readonly staleAfterMs?: number;
  /** A lock whose pid is dead is stale once older than this (default 2 s). */
  readonly deadPidGraceMs?: number;
}

export interface HeldDotlock {
  readonly lockPath: string;
  release(): void;
}

export type DotlockAttempt =
  | { readonly kind: "held"; readonly lock: HeldDotlock }
  | { readonly kind: "busy" }
  /** The spool directory does not let us create files: no dot lock is possible. */
  | { readonly kind: "denied"; readonly reason: string };

let seq = 0;

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? "";
}

/**
 * Is the lock judged (st, content) stale? nowMs is the file system's idea of
 * "now" (the mtime of the unique file we just made in the same directory),
 * so the age compares two times from the same clock: a skewed NFS server or
 * a step of our own clock between the two does not make a live lock look old.
 *  - a lock naming a pid (ours, liblockfile's, mutt's...) is stale only when
 *    that process is gone, and the lock is older than deadPidGraceMs; a live
 *    (or not ours to signal: EPERM) pid is never overridden by age;
 *  - a lock without a pid (procmail and Debian's mail.local write "0") is
 *    stale only when older than staleAfterMs; a lock with an mtime in the
 *    future (the clock went back) is not stale.
 */
function isStale(st: import("node:fs").Stats, content: string, nowMs: number, opts: DotlockOptions): boolean {
  const age = nowMs - st.mtimeMs;
  if (!(age > 0)) return false;
  const trimmed = content.trim();
  const pid = /^\d+$/.test(trimmed) ? Number.parseInt(trimmed, 10) : 0;
  if (pid > 0) {
    if (pid === process.pid) return false; // one of our own deliveries holds it
    return age > (opts.deadPidGraceMs ?? 2_000) && !alive(pid);
  }
  return age > (opts.staleAfterMs ?? 300_000);
}

/**
 * Remove lockPath if it is stale; true if it was removed (or vanished).
 * The lock is not unlinked by name after the judgement (someone may have
 * broken and re-made it meanwhile): it is renamed aside, and only when the
 * file renamed is the very one judged (inode, mtime, size) is it dropped;
 * otherwise it is linked back (unless a new lock appeared) and we say busy.
 */
function breakIfStale(lockPath: string, nowMs: number, opts: DotlockOptions): boolean {
  let st: import("node:fs").Stats;
  let content = "";
  try {
    st = fs.lstatSync(lockPath);
    content = fs.readFileSync(lockPath, "latin1").slice(0, 64);
  } catch (e) {
    return errCode(e) === "ENOENT";
  }
  if (!st.isFile() || !isStale(st, content, nowMs, opts)) return false;
  const aside = `${lockPath}.stale.${String(process.pid)}.${String(++seq)}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (e) {
    return errCode(e) === "ENOENT";
  }
  let same = false;
  try {
    const got = fs.lstatSync(aside);
    same = got.ino === st.ino && got.dev === st.dev && got.mtimeMs === st.mtimeMs && got.size === st.size;
    if (!same) {
      try {
        fs.linkSync(aside, lockPath); // put a live lock back, unless replaced again already
      } catch {
        /* a newer lock is there: leave it */
      }
    }
  } finally {
    try {
      fs.unlinkSync(aside);
    } catch {
      /* gone */
    }
  }
  return same;
}

/** One non-blocking attempt at MAILBOX.lock. */
export function tryDotlock(mailbox: string, opts: DotlockOptions = {}): DotlockAttempt {
  const lockPath = mailbox + ".lock";
  const dir = path.dirname(mailbox);
  const unique = path.join(dir, `.lk.${String(process.pid)}.${String(++seq)}.${path.basename(mailbox)}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(unique, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
    } catch (e) {
      const c = errCode(e);
      if (c === "EACCES" || c === "EPERM" || c === "EROFS") return { kind: "denied", reason: `${dir}: ${c}` };
      throw e;
    }
    let linked = false;
    let fsNow = Date.now();
    try {
      try {
        fs.writeSync(fd, `${String(process.pid)}\n`);
      } finally {
        fs.closeSync(fd);
      }
      try {
        fs.linkSync(unique, lockPath);
      } catch {
        /* judged by the link count below */
      }
      const ust = fs.statSync(unique);
      fsNow = ust.mtimeMs;
      linked = ust.nlink === 2;
    } finally {
      try {
        fs.unlinkSync(unique);
      } catch {
        /* already gone */
      }
    }
    if (linked) return { kind: "held", lock: heldDotlock(lockPath) };
    if (!breakIfStale(lockPath, fsNow, opts)) return { kind: "busy" };
  }
  return { kind: "busy" };
}

function heldDotlock(lockPath: string): HeldDotlock {
  let ino = -1;
  try {
    ino = fs.lstatSync(lockPath).ino;
  } catch {
    /* checked on release */
  }
  const touch = setInterval(() => {
    try {
      const now = new Date();
      fs.utimesSync(lockPath, now, now);
    } catch {
      /* lock gone: nothing to refresh */
    }
  }, 60_000);
  touch.unref();
  let released = false;
  return {
    lockPath,
    release(): void {
      if (released) return;
      released = true;
      clearInterval(touch);
      try {
        // ours only: the same inode still naming our pid (an inode number alone
        // can be reused by a lock someone made after breaking ours)
        if (fs.lstatSync(lockPath).ino === ino && fs.readFileSync(lockPath, "latin1") === `${String(process.pid)}\n`)
          fs.unlinkSync(lockPath);
      } catch {
        /* someone broke it: nothing to remove */
      }
    },
  };
}

export interface MailboxLockOptions extends DotlockOptions {
  /** Give up after this long (default 60 s). */
  readonly timeoutMs?: number;
  /** Take the dot lock (default true). */
  readonly dotlock?: boolean;
  /** Take the fcntl lock (default true; false when no helper program exists). */
  readonly kernel?: boolean;
}

export interface MailboxLock {
  /** What was actually taken, for logs. */
  readonly dotlocked: boolean;
  readonly kernelLocked: boolean;
  /**
   * Ask again that the kernel lock is held (the helper is alive and its
   * F_SETLK still succeeds): true if so, or if no kernel lock was wanted.
   * Call before writing or truncating: never touch the mailbox without it.
   */
  confirm(): Promise<boolean>;
  release(): Promise<void>;
}

export class LockTimeout extends LockError {}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Lock the mailbox open on fd (path is its name): dot lock plus fcntl
 * write lock, both tried without blocking and dropped together on conflict.
 * Rejects with LockTimeout after timeoutMs.
 */
export async function lockMailbox(mailbox: string, fd: number, opts: MailboxLockOptions = {}): Promise<MailboxLock> {
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const wantKernel = opts.kernel !== false && fcntlHelperCommand() !== null;
  const helper = wantKernel ? await FcntlHelper.start(fd) : null;
  let delay = 10;
  try {
    for (;;) {
      const dot: DotlockAttempt = opts.dotlock === false ? { kind: "denied", reason: "off" } : tryDotlock(mailbox, opts);
      if (dot.kind !== "busy") {
        let kernelOk = true;
        try {
          if (helper !== null) kernelOk = await helper.tryLock();
        } catch (e) {
          if (dot.kind === "held") dot.lock.release();
          throw e;
        }
        if (kernelOk) {
          let released = false;
          return {
            dotlocked: dot.kind === "held",
            kernelLocked: helper !== null,
            async confirm(): Promise<boolean> {
              if (released) return false;
              if (helper === null) return true;
              try {
                return await helper.tryLock();
              } catch {
                return false;
              }
            },
            async release(): Promise<void> {
              if (released) return;
              released = true;
              // The dot lock goes first, while we still hold the kernel lock:
              // a mail.local blocked in F_SETLKW then finds the dot lock free
              // as soon as it is woken, instead of holding the kernel lock
              // while it sleeps seconds on our dot lock (during which a
              // procmail could take the dot lock and block on the kernel
              // lock: the two of them would then wait on each other).
              if (dot.kind === "held") dot.lock.release();
              if (helper !== null) await helper.close();
            },
          };
        }
        if (dot.kind === "held") dot.lock.release();
      }
      if (Date.now() >= deadline) throw new LockTimeout(`${mailbox}: mailbox is locked`);
      await sleep(delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, 400);
    }
  } catch (e) {
    if (helper !== null) await helper.close();
    throw e;
  }
}
