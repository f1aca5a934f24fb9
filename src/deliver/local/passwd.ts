/*
 * passwd - getpwnam() for the local mailer.
 *
 * Local users come from the passwd database. Node cannot call getpwnam(3),
 * so a lookup reads /etc/passwd first (the "files" source every system
 * has) and, when the name is not there, asks `getent passwd NAME`, which
 * goes through NSS (LDAP, sssd, systemd-userdb...) exactly as a C program
 * would. When a passwd-format file is named (the non-root embedded setup and
 * the tests), that file alone is the database: NSS is not consulted.
 */

import { execFile } from "node:child_process";
import { fs } from "../../util/node.js";

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly gecos: string;
  readonly dir: string;
  readonly shell: string;
}

export const GETENT_CANDIDATES = ["/usr/bin/getent", "/bin/getent"];

/** One passwd line, or null if it is not a well-formed entry. */
export function parsePasswdLine(line: string): PasswdEntry | null {
  if (line === "" || line.startsWith("#")) return null;
  const f = line.split(":");
  if (f.length < 7) return null;
  const uid = Number(f[2]);
  const gid = Number(f[3]);
  if (f[0] === "" || !/^\d+$/.test(f[2]!) || !/^\d+$/.test(f[3]!)) return null;
  return { name: f[0]!, uid, gid, gecos: f[4]!, dir: f[5]!, shell: f.slice(6).join(":") };
}

/** Look a name up in passwd-format text (first match wins, as getpwnam does). */
export function findInPasswdText(text: string, name: string): PasswdEntry | null {
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!line.startsWith(name + ":")) continue;
    const e = parsePasswdLine(line);
    if (e !== null && e.name === name) return e;
  }
  return null;
}

/** Thrown when the database itself cannot be read (a temporary failure, not "no such user"). */
export class PasswdUnavailable extends Error {}

function getent(name: string): Promise<PasswdEntry | null> {
  const bin = GETENT_CANDIDATES.find((p) => fs.existsSync(p));
  if (bin === undefined) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    execFile(bin, ["passwd", "--", name], { encoding: "latin1", timeout: 30_000 }, (err, stdout) => {
      if (err === null) return resolve(findInPasswdText(stdout, name));
      const code: unknown = (err as { code?: unknown }).code;
      // getent: 2 = key not found; anything else (1, 3, killed) is the database failing
      if (code === 2) return resolve(null);
      reject(new PasswdUnavailable(`getent passwd ${name}: ${err.message}`));
    });
  });
}

/**
 * getpwnam(name). With passwdFile, only that file is read; without it,
 * /etc/passwd and then NSS through getent(1). Resolves null for an unknown
 * user; rejects with PasswdUnavailable when the database cannot be read.
 */
export async function getpwnam(name: string, passwdFile?: string): Promise<PasswdEntry | null> {
  if (name === "" || name.includes(":") || name.includes("\n")) return null;
  const file = passwdFile ?? "/etc/passwd";
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, "latin1");
  } catch (e) {
    if (passwdFile !== undefined) throw new PasswdUnavailable(`${file}: ${(e as Error).message}`);
  }
  const hit = text === null ? null : findInPasswdText(text, name);
  if (hit !== null || passwdFile !== undefined) return hit;
  return getent(name);
}
