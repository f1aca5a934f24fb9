/*
 * env - the host identity sendmail determines before reading its cf file
 * (myhostname(): the canonical name from the hosts file, uname node name,
 * aliases and addresses), computed without DNS.
 */

import { readFileSync } from "node:fs";
import { hostname as osHostname, networkInterfaces } from "node:os";
import type { CfEnvironment } from "./reader.js";

/**
 * The environment of this machine: canonical host name looked up in
 * /etc/hosts (first name on the line that lists the host name), its
 * aliases and "[address]" literals (as sendmail adds them to class w).
 */
export function defaultEnvironment(overrides: Partial<CfEnvironment> = {}, hostsFile = "/etc/hosts"): CfEnvironment {
  const node = overrides.nodename ?? osHostname();
  let canonical = overrides.hostname ?? node;
  const aliases: string[] = [];
  if (overrides.hostname === undefined || overrides.hostAliases === undefined) {
    let text = "";
    try {
      text = readFileSync(hostsFile, "latin1");
    } catch {
      text = "";
    }
    const addrs: string[] = [];
    let found = false;
    for (const raw of text.split("\n")) {
      const words = raw.replace(/#.*/, "").trim().split(/\s+/);
      if (words.length < 2) continue;
      const names = words.slice(1);
      if (!names.some((n) => n.toLowerCase() === node.toLowerCase() || n.toLowerCase() === canonical.toLowerCase())) {
        continue;
      }
      if (!found) {
        found = true;
        if (overrides.hostname === undefined) canonical = names[0]!;
        for (const n of names) if (n !== canonical) aliases.push(n);
      }
      const a = words[0]!;
      addrs.push(a.includes(":") ? `[IPv6:${a}]` : `[${a}]`);
    }
    aliases.push(...addrs);
  }
  return {
    opMode: "d",
    interfaces: overrides.interfaces ?? probeInterfaces(hostsFile),
    ...overrides,
    hostname: canonical,
    nodename: node,
    hostAliases: overrides.hostAliases ?? aliases,
  };
}

/**
 * load_if_names() on Linux (SIOCGIFCONF: IPv4 only): every interface
 * address, with the names /etc/hosts gives it.
 */
export function probeInterfaces(hostsFile = "/etc/hosts"): { literal: string; names: string[] }[] {
  let text = "";
  try {
    text = readFileSync(hostsFile, "latin1");
  } catch {
    text = "";
  }
  const byAddr = new Map<string, string[]>();
  for (const raw of text.split("\n")) {
    const words = raw.replace(/#.*/, "").trim().split(/\s+/);
    if (words.length < 2 || byAddr.has(words[0]!)) continue;
    byAddr.set(words[0]!, words.slice(1));
  }
  const out: { literal: string; names: string[] }[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family !== "IPv4") continue;
      out.push({ literal: `[${a.address}]`, names: byAddr.get(a.address) ?? [] });
    }
  }
  return out;
}
