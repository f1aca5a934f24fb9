/*
 * alias/include - read an :include: list with sendmail's safety rules.
 *
 * The file must be given by absolute path and be a regular file. Its
 * owner becomes the controlling user of what it lists: program and file
 * deliveries it names run as that user. They are refused ("unsafe") when
 * the file is group- or world-writable, when a directory on its path is
 * writable by others (without the sticky bit), or when the owner has no
 * valid shell (/etc/shells) - unless the matching DontBlameSendmail
 * setting says otherwise. A file that cannot be read is a temporary
 * failure (the message waits in the queue) except when it does not exist.
 * Lines starting with "#" are comments; the rest are address lists.
 */

import { readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** What the checks need to know about a file or directory. */
export interface FileInfo {
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}

/** The system seen by the checks (injectable for tests). */
export interface IncludeSystem {
  stat(path: string): FileInfo | { error: string; code: string };
  readText(path: string): string | { error: string; code: string };
  /** Login shell of a uid, or null if the uid has no passwd entry. */
  shellOf(uid: number): string | null;
  /** Valid shells (/etc/shells). */
  validShells(): ReadonlySet<string>;
}

/** DontBlameSendmail settings that relax the include checks. */
export interface IncludePolicy {
  /** e.g. "GroupWritableIncludeFileSafe", "IncludeFileInUnsafeDirPath", "WorldWritableIncludeFileSafe"? */
  readonly dontBlame?: ReadonlySet<string>;
}

/** Result of reading an include file. */
export type IncludeResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** Controlling user for program and file deliveries. */
      readonly uid: number;
      readonly gid: number;
      /** Whether program and file targets from this file may be used. */
      readonly safeForPrograms: boolean;
      /** Why not, when not. */
      readonly unsafeReason: string | null;
    }
  | { readonly ok: false; readonly error: string; readonly temporary: boolean };

/** The real system. */
export const realSystem: IncludeSystem = {
  stat(path) {
    try {
      const st = statSync(path);
      return { uid: st.uid, gid: st.gid, mode: st.mode, isFile: st.isFile(), isDirectory: st.isDirectory() };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return { error: errText(err.code), code: err.code ?? "EIO" };
    }
  },
  readText(path) {
    try {
      return readFileSync(path, "latin1");
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return { error: errText(err.code), code: err.code ?? "EIO" };
    }
  },
  shellOf(uid) {
    try {
      for (const line of readFileSync("/etc/passwd", "latin1").split("\n")) {
        const f = line.split(":");
        if (f.length >= 7 && Number(f[2]) === uid) return f[6] || "/bin/sh";
      }
    } catch {
      /* no passwd */
    }
    return null;
  },
  validShells() {
    try {
      return new Set(
        readFileSync("/etc/shells", "latin1")
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l.startsWith("/")),
      );
    } catch {
      return new Set(["/bin/sh", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash"]);
    }
  },
};

/** strerror text for the codes we expect. */
function errText(code: string | undefined): string {
  switch (code) {
    case "ENOENT":
      return "No such file or directory";
    case "EACCES":
      return "Permission denied";
    case "ENOTDIR":
      return "Not a directory";
    case "ELOOP":
      return "Too many levels of symbolic links";
    default:
      return code ?? "I/O error";
  }
}

/** Read and check the include file at path. */
export function readInclude(path: string, policy: IncludePolicy = {}, sys: IncludeSystem = realSystem): IncludeResult {
  const dbs = policy.dontBlame ?? new Set<string>();
  if (!path.startsWith("/")) return { ok: false, error: `${path}: include file must be an absolute path`, temporary: false };
  const st = sys.stat(path);
  if ("error" in st) return { ok: false, error: `${path}: ${st.error}`, temporary: st.code !== "ENOENT" && st.code !== "ENOTDIR" };
  if (!st.isFile) return { ok: false, error: `${path}: not a regular file`, temporary: false };
  const text = sys.readText(path);
  if (typeof text !== "string") return { ok: false, error: `${path}: ${text.error}`, temporary: true };
  let unsafe: string | null = null;
  if ((st.mode & 0o002) !== 0 && !dbs.has("WorldWritableIncludeFileSafe")) unsafe = "world writable include file";
  else if ((st.mode & 0o020) !== 0 && !dbs.has("GroupWritableIncludeFileSafe")) unsafe = "group writable include file";
  if (unsafe === null && !dbs.has("IncludeFileInUnsafeDirPath")) {
    for (let d = dirname(path); ; d = dirname(d)) {
      const ds = sys.stat(d);
      if (!("error" in ds) && ds.isDirectory && (ds.mode & 0o022) !== 0 && (ds.mode & 0o1000) === 0) {
        const grp = (ds.mode & 0o002) === 0;
        if (!(grp && dbs.has("IncludeFileInGroupWritableDirPath"))) {
          unsafe = `${grp ? "group" : "world"} writable directory ${d}`;
          break;
        }
      }
      if (d === "/") break;
    }
  }
  if (unsafe === null) {
    const shell = sys.shellOf(st.uid);
    if (st.uid !== 0 && (shell === null || !sys.validShells().has(shell))) unsafe = `owner (uid ${st.uid}) has no valid shell`;
  }
  return { ok: true, text, uid: st.uid, gid: st.gid, safeForPrograms: unsafe === null, unsafeReason: unsafe };
}
