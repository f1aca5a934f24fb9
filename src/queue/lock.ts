/*
 * lock - queue file locks that real sendmail understands.
 *
 * sendmail 8.17 on Linux locks queue files with flock(2) (seen with strace:
 * flock(fd, LOCK_EX|LOCK_NB) on the tf before renaming it to qf, and
 * LOCK_SH|LOCK_NB probes from mailq). Node has no flock(), so a lock is held
 * by a tiny helper process: `sh -c 'exec 9<qf; flock -xn 9; ...; read x'`.
 * The open file description belongs to the shell, so the kernel lock lives
 * exactly as long as the shell, and the shell lives until its stdin (a pipe
 * from us) is closed: by release(), or by the kernel when we die. A crash
 * therefore never leaves a lock behind, and the lock is the very flock that
 * sendmail takes, so real sendmail runners and our runners exclude each
 * other both ways, and real mailq shows our locked jobs with "*".
 *
 * The helper opens the file without O_CREAT (a job that vanished is not
 * re-created) and prints the device and inode it locked; the caller checks
 * that the name still points at that inode (a job rewritten or removed
 * between open and lock is reported as not claimed).
 *
 * Listing does not take locks: readLockedInodes() reads /proc/locks once
 * and mailq marks jobs whose qf inode appears there.
 *
 * Limits: one helper process (sh, plus short-lived flock and stat) per held
 * lock, a few milliseconds to take; needs util-linux flock(1) and Linux
 * /proc. Where flock(1) is missing, LockFileLocker gives O_EXCL lock files
 * ("lk" + id) with a pid-liveness check instead: it excludes our own
 * runners but is invisible to real sendmail.
 */

import { spawn, type ChildProcess } from "node:child_process";
import { fs } from "../util/node.js";
import { alive } from "../util/process.js";

export const FLOCK_BIN_CANDIDATES = ["/usr/bin/flock", "/bin/flock"];

export interface HeldLock {
  readonly path: string;
  /** Give the lock up (idempotent). */
  release(): Promise<void>;
}

export interface Locker {
  /**
   * True if a lock belongs to the inode (flock): a rewritten control file
   * must be locked before it is renamed over the old one. False if it
   * belongs to the name (lock files): the lock carries over.
   */
  readonly inodeBound: boolean;
  /** Exclusive, non-blocking: the lock, or null if someone else holds it or the file is gone. */
  tryLock(path: string): Promise<HeldLock | null>;
}

function findFlock(): string | null {
  for (const p of FLOCK_BIN_CANDIDATES) {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

const HELPER_SCRIPT =
  'exec 9<"$1" || exit 66\n' +
  '"$2" -xn 9 || exit 75\n' +
  "stat -Lc '%d %i' /dev/fd/9 || exit 70\n" +
  "read x\n" +
  "exit 0\n";

class FlockHeld implements HeldLock {
  private done: Promise<void> | null = null;
  constructor(
    readonly path: string,
    private readonly child: ChildProcess,
  ) {}
  release(): Promise<void> {
    if (this.done === null) {
      this.done = new Promise<void>((resolve) => {
        if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
        this.child.once("exit", () => resolve());
        this.child.stdin?.end();
      });
    }
    return this.done;
  }
}

/** flock(2)-compatible locks held by helper processes. */
export class FlockLocker implements Locker {
  readonly inodeBound = true;
  constructor(private readonly flockBin: string) {}

  static available(): FlockLocker | null {
    const bin = findFlock();
    return bin === null ? null : new FlockLocker(bin);
  }

  tryLock(path: string): Promise<HeldLock | null> {
    return new Promise((resolve, reject) => {
      const child = spawn("/bin/sh", ["-c", HELPER_SCRIPT, "sh", path, this.flockBin], {
        stdio: ["pipe", "pipe", "ignore"],
      });
      let out = "";
      let settled = false;
      const finish = (v: HeldLock | null, err?: Error): void => {
        if (settled) return;
        settled = true;
        if (err !== undefined) reject(err);
        else resolve(v);
      };
      child.on("error", (e) => finish(null, e));
      child.stdin!.on("error", () => {
        /* helper gone */
      });
      child.stdout!.setEncoding("latin1");
      child.stdout!.on("data", (chunk: string) => {
        out += chunk;
        const nl = out.indexOf("\n");
        if (nl < 0 || settled) return;
        const [dev, ino] = out.slice(0, nl).split(" ").map(Number);
        const held = new FlockHeld(path, child);
        let same = false;
        try {
          const st = fs.statSync(path);
          same = st.ino === ino && st.dev === dev;
        } catch {
          same = false;
        }
        if (same) finish(held);
        else {
          void held.release();
          finish(null);
        }
      });
      child.on("exit", (code) => {
        if (settled) return;
        // 75: locked by someone else; 66 or 2 (the shell's redirection error): no such file
        if (code === 75 || code === 66 || code === 2) finish(null);
        else finish(null, new Error(`lock helper for ${path} failed (status ${String(code)})`));
      });
    });
  }
}

/** Start time of a process (field 22 of /proc/PID/stat), or "" if unknown. */
function startTime(pid: number): string {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "latin1");
    return s.slice(s.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

/**
 * Fallback: "lk<id>" files created with O_EXCL holding "pid starttime".
 * A lock whose process is gone (or whose pid now belongs to a process
 * started at another time) is stale and is taken over. Real sendmail does
 * not see these locks.
 */
export class LockFileLocker implements Locker {
  readonly inodeBound = false;
  private readonly me = `${process.pid} ${startTime(process.pid)}\n`;

  async tryLock(path: string): Promise<HeldLock | null> {
    const slash = path.lastIndexOf("/");
    const dir = path.slice(0, slash + 1);
    const base = path.slice(slash + 1);
    const lockPath = dir + "lk" + base.slice(2);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = fs.openSync(lockPath, "wx", 0o600);
        fs.writeSync(fd, this.me);
        fs.closeSync(fd);
        if (!fs.existsSync(path)) {
          fs.rmSync(lockPath, { force: true });
          return null;
        }
        let released = false;
        return {
          path,
          release: async () => {
            if (released) return;
            released = true;
            fs.rmSync(lockPath, { force: true });
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      let owner = "";
      try {
        owner = fs.readFileSync(lockPath, "latin1");
      } catch {
        continue;
      }
      const [pidText, start] = owner.trim().split(" ");
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && alive(pid) && (start === undefined || start === "" || startTime(pid) === start)) {
        return null;
      }
      // stale: move it aside under a private name, then retry the O_EXCL create
      try {
        const aside = `${lockPath}.stale.${process.pid}`;
        fs.renameSync(lockPath, aside);
        fs.rmSync(aside, { force: true });
      } catch {
        /* someone else cleaned up */
      }
    }
    return null;
  }
}

/** The best locker available here. */
export function defaultLocker(): Locker {
  return FlockLocker.available() ?? new LockFileLocker();
}

/** Key of a file for lock lookups: "major:minor:inode" (decimal). */
export function inodeKey(dev: number, ino: number): string {
  const major = (Math.floor(dev / 256) & 0xfff) | (Math.floor(dev / 2 ** 32) & ~0xfff);
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & ~0xff & 0xfffff);
  return `${major}:${minor}:${ino}`;
}

/**
 * Inodes currently locked by anybody (flock, POSIX or OFD locks), read from
 * /proc/locks. Empty set when /proc/locks cannot be read.
 */
export function readLockedInodes(procLocks = "/proc/locks"): Set<string> {
  const set = new Set<string>();
  let text: string;
  try {
    text = fs.readFileSync(procLocks, "latin1");
  } catch {
    return set;
  }
  for (const line of text.split("\n")) {
    if (line.includes("->")) continue; // waiters, not holders
    const fields = line.trim().split(/\s+/);
    const where = fields[5];
    if (where === undefined) continue;
    const m = /^([0-9a-f]+):([0-9a-f]+):(\d+)$/.exec(where);
    if (m === null) continue;
    set.add(`${parseInt(m[1]!, 16)}:${parseInt(m[2]!, 16)}:${m[3]!}`);
  }
  return set;
}
