/*
 * safe_scratch - where tests may put files that real sendmail must read
 *
 * sendmail refuses class files and maps whose path passes through a group-
 * or world-writable directory (even a sticky one such as /tmp), so scratch
 * files go under the checkout -- unless the checkout itself lives under
 * such a directory, in which case a private directory in the home (or
 * /var/lib) is used instead.
 */

import { mkdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** pathIsSafe - no ancestor of dir is writable by group or others */
function pathIsSafe(dir) {
  for (let p = resolve(dir); ; p = dirname(p)) {
    try {
      if ((statSync(p).mode & 0o022) !== 0) return false;
    } catch {
      // Not there yet: it will be made 0755 below.
    }
    if (p === dirname(p)) return true;
  }
}

/**
 * safeScratchBase - preferred (made 0755) if its path is safe for sendmail,
 * else a private directory named after it elsewhere
 */
export function safeScratchBase(preferred) {
  const name = preferred.split("/").filter(Boolean).slice(-3).join("_");
  for (const dir of [preferred, join(homedir(), ".cache", "sendmail-ts-tests", name), join("/var/lib/sendmail-ts-tests", name)]) {
    if (!pathIsSafe(dir)) continue;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      return dir;
    } catch {
      // Try the next place.
    }
  }
  mkdirSync(preferred, { recursive: true, mode: 0o755 });
  return preferred;
}
