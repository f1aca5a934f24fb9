/*
 * forward - the ~/.forward part of sendmail 8.17's recipient path (forward()
 * and the safety checks include() makes through safedirpath()/safefile()
 * before it reads a .forward file), as -bv meets it.
 *
 * The ForwardPath option (default "$z/.forward") is a colon separated list
 * of file names, expanded with $z = the user's home directory ("" for "/"),
 * $u = the user and $h = the host part; the first file that can be opened
 * is read. The file is opened as the user would: every directory on its
 * path must be searchable by the user's uid/gid, and none may be world
 * writable (unless sticky with TrustStickyBit, or ForwardFileInUnsafeDirPath)
 * or group writable (unless ForwardFileInGroupWritableDirPath); the file
 * must be a regular file, owned by the user or root, not group writable
 * (unless GroupWritableForwardFile) nor world writable (unless
 * WorldWritableForwardFile), and readable by the user.
 */

import { statSync, type Stats } from "node:fs";

/** sendmail's error texts for the E_SM_* codes forward() reports. */
export const FORWARD_ERRORS = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  ENOTDIR: "Not a directory",
  WWDIR: "World writable directory",
  GWDIR: "Group writable directory",
  WWFILE: "World writable file",
  GWFILE: "Group writable file",
  REGONLY: "Regular files only",
} as const;

export type ForwardError = keyof typeof FORWARD_ERRORS;

export interface ForwardUser {
  readonly uid: number;
  readonly gid: number;
}

function may(st: Stats, who: ForwardUser, bit: number): boolean {
  if (who.uid === 0) return true;
  if (st.uid === who.uid) return (st.mode & (bit << 6)) !== 0;
  if (st.gid === who.gid) return (st.mode & (bit << 3)) !== 0;
  return (st.mode & bit) !== 0;
}

function statOrCode(path: string): Stats | ForwardError {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") return "ENOTDIR";
    if (code === "EACCES") return "EACCES";
    return "ENOENT";
  }
}

/**
 * safedirpath() + safefile() for a .forward file: null when it may be read,
 * otherwise the error (ENOENT: it does not exist).
 */
export function checkForwardFile(path: string, who: ForwardUser, dontBlame: ReadonlySet<string>): ForwardError | null {
  if (!path.startsWith("/")) return "ENOENT";
  const parts = path.split("/").filter((p) => p.length > 0);
  const file = parts.pop();
  if (file === undefined) return "REGONLY";
  // the directories, from the root down
  let dir = "";
  let unsafe: ForwardError | null = null;
  for (let i = -1; i < parts.length; i++) {
    if (i >= 0) dir += "/" + parts[i]!;
    const st = statOrCode(dir.length === 0 ? "/" : dir);
    if (typeof st === "string") return st;
    if (!st.isDirectory()) return "ENOTDIR";
    if (!may(st, who, 1)) return "EACCES";
    if (unsafe === null) {
      const sticky = (st.mode & 0o1000) !== 0 && dontBlame.has("truststickybit");
      if ((st.mode & 0o002) !== 0 && !sticky && !dontBlame.has("forwardfileinunsafedirpath")) unsafe = "WWDIR";
      else if ((st.mode & 0o020) !== 0 && !sticky && !dontBlame.has("forwardfileingroupwritabledirpath") && !dontBlame.has("forwardfileinunsafedirpath")) {
        unsafe = "GWDIR";
      }
    }
  }
  if (unsafe !== null) return unsafe;
  const st = statOrCode(path);
  if (typeof st === "string") return st;
  if (!st.isFile()) return "REGONLY";
  if (st.uid !== who.uid && st.uid !== 0) return "EACCES";
  if ((st.mode & 0o020) !== 0 && !dontBlame.has("groupwritableforwardfile")) return "GWFILE";
  if ((st.mode & 0o002) !== 0 && !dontBlame.has("worldwritableforwardfile")) return "WWFILE";
  if (!may(st, who, 4)) return "EACCES";
  return null;
}

/** Whether a path exists at all (forward() looks before warning about an unsafe directory). */
export function pathExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The ForwardPath entries (split at ':' before expansion, as forward() does). */
export function forwardPathEntries(value: string | undefined): string[] {
  if (value === undefined) return ["$z/.forward"];
  return value.split(":");
}
