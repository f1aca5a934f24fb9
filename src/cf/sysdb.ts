/*
 * sysdb - the few system databases the cf reader consults: passwd and group
 * (U= mailer field, DefaultUser, RunAsUser, TrustedUser), services (Port=)
 * and hosts (Addr=). Read synchronously from /etc, cached per path; every
 * lookup can be replaced through LoadOptions.
 */

import { readFileSync } from "node:fs";

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
}

export interface SystemDatabases {
  /** getpwnam() */
  user(name: string): PasswdEntry | null;
  /** getgrnam() */
  group(name: string): GroupEntry | null;
  /** getservbyname(name, "tcp"): the port, or null. */
  service(name: string): number | null;
  /** gethostbyname(): true if the name resolves; null if unknown (not checked). */
  host(name: string, family: "inet" | "inet6"): boolean | null;
}

const cache = new Map<string, string | null>();

function readCached(path: string): string | null {
  if (cache.has(path)) return cache.get(path)!;
  let text: string | null;
  try {
    text = readFileSync(path, "latin1");
  } catch {
    text = null;
  }
  cache.set(path, text);
  return text;
}

/** Parsed tables, keyed by kind and path (files are read once per process). */
const parsed = new Map<string, unknown>();

function parsedCached<T>(kind: string, path: string, build: () => T): T {
  const key = kind + "\0" + path;
  if (parsed.has(key)) return parsed.get(key) as T;
  const value = build();
  parsed.set(key, value);
  return value;
}

/** Forget cached file contents (tests that rewrite /etc files). */
export function clearSystemDatabaseCache(): void {
  cache.clear();
  parsed.clear();
}

function parseColonFile(text: string | null): string[][] {
  if (text === null) return [];
  const rows: string[][] = [];
  for (const line of text.split("\n")) {
    if (line.length === 0 || line[0] === "#") continue;
    rows.push(line.split(":"));
  }
  return rows;
}

const FALLBACK_SERVICES: Record<string, number> = {
  smtp: 25,
  mail: 25,
  submission: 587,
  smtps: 465,
  submissions: 465,
  lmtp: 24,
  domain: 53,
  ident: 113,
  auth: 113,
};

export interface SystemDatabasePaths {
  readonly passwd?: string;
  readonly group?: string;
  readonly services?: string;
  readonly hosts?: string;
}

/** Databases read from /etc (or the given paths). */
export function systemDatabases(paths: SystemDatabasePaths = {}): SystemDatabases {
  const passwdPath = paths.passwd ?? "/etc/passwd";
  const groupPath = paths.group ?? "/etc/group";
  const servicesPath = paths.services ?? "/etc/services";
  const hostsPath = paths.hosts;
  let users: Map<string, PasswdEntry> | null = null;
  let groups: Map<string, GroupEntry> | null = null;
  let services: Map<string, number> | null = null;
  let hosts: Set<string> | null = null;
  return {
    user(name) {
      users ??= parsedCached("passwd", passwdPath, () => {
        const m = new Map<string, PasswdEntry>();
        for (const f of parseColonFile(readCached(passwdPath))) {
          if (f.length < 4 || m.has(f[0]!)) continue;
          m.set(f[0]!, { name: f[0]!, uid: Number(f[2]), gid: Number(f[3]) });
        }
        return m;
      });
      return users.get(name) ?? null;
    },
    group(name) {
      groups ??= parsedCached("group", groupPath, () => {
        const m = new Map<string, GroupEntry>();
        for (const f of parseColonFile(readCached(groupPath))) {
          if (f.length < 3 || m.has(f[0]!)) continue;
          m.set(f[0]!, { name: f[0]!, gid: Number(f[2]) });
        }
        return m;
      });
      return groups.get(name) ?? null;
    },
    service(name) {
      services ??= parsedCached("services", servicesPath, () => {
        const map = new Map<string, number>();
        const text = readCached(servicesPath);
        if (text === null) {
          for (const [k, v] of Object.entries(FALLBACK_SERVICES)) map.set(k, v);
        } else {
          for (const raw of text.split("\n")) {
            const line = raw.replace(/#.*/, "").trim();
            if (line.length === 0) continue;
            const words = line.split(/\s+/);
            const m = /^(\d+)\/tcp$/.exec(words[1] ?? "");
            if (m === null) continue;
            const port = Number(m[1]);
            for (const w of [words[0]!, ...words.slice(2)]) if (!map.has(w)) map.set(w, port);
          }
        }
        return map;
      });
      return services.get(name) ?? null;
    },
    host(name) {
      if (hostsPath === undefined) return null;
      hosts ??= parsedCached("hosts", hostsPath, () => {
        const set = new Set<string>();
        const text = readCached(hostsPath);
        for (const raw of (text ?? "").split("\n")) {
          const words = raw.replace(/#.*/, "").trim().split(/\s+/);
          for (const w of words.slice(1)) set.add(w.toLowerCase());
        }
        return set;
      });
      return hosts.has(name.toLowerCase());
    },
  };
}
