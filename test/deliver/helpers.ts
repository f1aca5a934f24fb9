/* Shared helpers for the local delivery tests. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const REAL_MAIL_LOCAL = "/usr/libexec/sendmail/mail.local";
export const isRoot = typeof process.geteuid === "function" && process.geteuid() === 0;

export function have(bin: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;
}

/** Can we make a private mount namespace with a tmpfs (root + unshare)? Reason if not. */
export function namespaceUnavailable(): string | null {
  if (!isRoot) return "not root";
  if (!have("unshare")) return "no unshare(1)";
  const r = spawnSync("unshare", ["--mount", "sh", "-c", "mount -t tmpfs tmpfs /mnt && echo ok"], { encoding: "latin1" });
  return r.stdout.trim() === "ok" ? null : `unshare --mount failed: ${r.stderr.trim()}`;
}

export function oracleUnavailable(): string | null {
  if (!existsSync(REAL_MAIL_LOCAL)) return `${REAL_MAIL_LOCAL} not installed (apt-get install sendmail-bin)`;
  return namespaceUnavailable();
}

/** Split an mbox into entries at From_ lines that start the file or follow an empty line. */
export function splitMbox(text: string): string[] {
  const out: string[] = [];
  const lines = text.split("\n");
  let cur: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith("From ") && (i === 0 || lines[i - 1] === "")) {
      if (cur !== null) out.push(cur.join("\n"));
      cur = [l];
    } else if (cur !== null) cur.push(l);
  }
  if (cur !== null) out.push(cur.join("\n"));
  return out;
}
