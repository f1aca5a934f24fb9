/*
 * host - the host map and getcanonname(): canonical host names from the
 * hosts file and, when the service switch lists "dns", from DNS through
 * node:dns with a short timeout. Nothing here ever sleeps: a machine
 * without network answers at once (files) or after the DNS timeout
 * (tempfail), never with sendmail's 60-second retry.
 */

import { readFileSync } from "node:fs";
import { NOT_FOUND, mapRewrite, type LookupResult, type MapClassInstance, type MapFlags, type MaybePromise } from "./types.js";
import { switchMethods } from "./switch_file.js";

interface HostsTable {
  /** Lines as [address, names...]. */
  readonly lines: readonly (readonly string[])[];
}

const hostsCache = new Map<string, HostsTable>();

function readHosts(file: string): HostsTable | null {
  const cached = hostsCache.get(file);
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(file, "latin1");
  } catch {
    return null;
  }
  const lines: string[][] = [];
  for (const raw of text.split("\n")) {
    const cut = raw.search(/[#\n]/);
    const line = cut >= 0 ? raw.slice(0, cut) : raw;
    const words = line.split(/[ \t]+/).filter((w) => w.length > 0);
    if (words.length >= 2) lines.push(words);
  }
  const t = { lines };
  hostsCache.set(file, t);
  return t;
}

function ieq(a: string, b: string): boolean {
  return a.length === b.length && a.toLowerCase() === b.toLowerCase();
}

/** shorten_hostname(): drop a final dot; if the name is in our domain, return the short form too. */
function shorten(name: string, localDomain: string): { name: string; short: string | null } {
  let n = name;
  let canon = false;
  if (n.endsWith(".")) {
    n = n.slice(0, -1);
    canon = true;
  }
  const dot = n.indexOf(".");
  if (dot < 0) return { name: n, short: null };
  const dom = n.slice(dot + 1);
  const ok = canon
    ? ieq(dom, localDomain)
    : localDomain.toLowerCase().startsWith(dom.toLowerCase()) &&
      (localDomain.length === dom.length || localDomain[dom.length] === ".");
  return ok ? { name: n, short: n.slice(0, dot) } : { name: n, short: null };
}

/** text_getcanonname(): look a name up in the hosts file. */
function filesCanonName(name: string, hostsFile: string, localDomain: string): { status: "found" | "nohost" | "unavailable"; name: string } {
  const t = readHosts(hostsFile);
  if (t === null) return { status: "unavailable", name };
  const s = shorten(name, localDomain);
  const want = s.short ?? s.name;
  for (const words of t.lines) {
    let cbuf = "";
    let found = false;
    for (let i = 1; i < words.length; i++) {
      const p = words[i]!;
      if (cbuf.length === 0 || (!cbuf.includes(".") && p.includes("."))) cbuf = p;
      if (ieq(want, p)) found = true;
      else if (s.short !== null && ieq(s.name, p)) found = true;
    }
    if (found) return { status: "found", name: cbuf };
  }
  return { status: "nohost", name };
}

/** Reverse lookup in the hosts file: the first name of the line with this address. */
function filesAddrName(addr: string, hostsFile: string): string | null {
  const t = readHosts(hostsFile);
  if (t === null) return null;
  for (const w of t.lines) if (w[0] === addr) return w[1] ?? null;
  return null;
}

export interface CanonResult {
  readonly status: "found" | "nohost" | "tempfail" | "unavailable";
  readonly name: string;
}

export interface HostResolverOptions {
  readonly hostsFile: string;
  readonly serviceSwitchFile: string;
  readonly localDomain: () => string;
  /** DNS timeout in milliseconds (default 2000). */
  readonly dnsTimeoutMs?: number;
}

/** getcanonname() with the service switch's "hosts" methods. */
export class HostResolver {
  constructor(private readonly opts: HostResolverOptions) {}

  private methods(): string[] {
    return switchMethods(this.opts.serviceSwitchFile, "hosts");
  }

  /** Whether DNS is consulted at all (sendmail's UseNameServer). */
  usesDns(): boolean {
    return this.methods().includes("dns");
  }

  /** Canonical name of host; sync when only files are consulted. */
  canon(host: string): MaybePromise<CanonResult> {
    const methods = this.methods();
    const step = (i: number, tempfail: boolean): MaybePromise<CanonResult> => {
      for (; i < methods.length; i++) {
        const m = methods[i];
        if (m === "files") {
          const r = filesCanonName(host, this.opts.hostsFile, this.opts.localDomain());
          if (r.status === "found") return this.qualify(r.name);
        } else if (m === "dns") {
          const next = i + 1;
          return dnsCanon(host, this.opts.dnsTimeoutMs ?? 2000).then((r) => {
            if (r.status === "found") return this.qualify(r.name);
            return step(next, tempfail || r.status === "tempfail");
          });
        }
      }
      return { status: tempfail ? "tempfail" : "nohost", name: host };
    };
    return step(0, false);
  }

  private qualify(name: string): CanonResult {
    let n = name;
    if (!n.includes(".")) {
      const d = this.opts.localDomain();
      if (d.length > 0) n = `${n}.${d}`;
    }
    return { status: "found", name: n };
  }

  /** Name of an address literal ("1.2.3.4"); files then DNS. */
  addrName(addr: string): MaybePromise<string | null> {
    for (const m of this.methods()) {
      if (m === "files") {
        const n = filesAddrName(addr, this.opts.hostsFile);
        if (n !== null) return n;
      }
    }
    if (!this.usesDns()) return null;
    return import("node:dns").then(async (dns) => {
      const r = new dns.promises.Resolver({ timeout: this.opts.dnsTimeoutMs ?? 2000, tries: 1 });
      try {
        const names = await r.reverse(addr);
        return names[0] ?? null;
      } catch {
        return null;
      }
    });
  }
}

async function dnsCanon(host: string, timeoutMs: number): Promise<{ status: "found" | "nohost" | "tempfail"; name: string }> {
  const dns = await import("node:dns");
  const r = new dns.promises.Resolver({ timeout: timeoutMs, tries: 1 });
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  try {
    try {
      const c = await r.resolveCname(name);
      if (c.length > 0) return { status: "found", name: c[0]! };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENODATA" && code !== "ENOTFOUND") throw e;
      if (code === "ENOTFOUND") return { status: "nohost", name: host };
    }
    const a = await r.resolve4(name).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code === "ENODATA") return r.resolve6(name);
      throw e;
    });
    return a.length > 0 ? { status: "found", name } : { status: "nohost", name: host };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOTFOUND" || code === "ENODATA") return { status: "nohost", name: host };
    return { status: "tempfail", name: host };
  }
}

const NO_HOST: LookupResult = Object.freeze({ kind: "notfound", status: 68 });
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Build a host map (sendmail's host_map_lookup). */
export function hostMap(flags: MapFlags, resolver: HostResolver): MapClassInstance {
  // sendmail keeps canonical names in its symbol table (ST_NAMECANON); so do we, except temporary failures
  const cache = new Map<string, CanonResult>();
  const canon = (key: string): MaybePromise<CanonResult> => {
    const k = key.toLowerCase();
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const r = resolver.canon(key);
    const keep = (c: CanonResult): CanonResult => {
      if (c.status !== "tempfail") cache.set(k, c);
      return c;
    };
    return r instanceof Promise ? r.then(keep) : keep(r);
  };
  const done = (key: string, name: string, args: readonly string[]): LookupResult =>
    ({ kind: "found", value: flags.matchOnly ? mapRewrite(key, [], flags.append) : mapRewrite(name, args, flags.append) });
  return {
    lookup(key: string, args: readonly string[]): MaybePromise<LookupResult> {
      if (key.startsWith("[")) {
        const close = key.indexOf("]");
        if (close < 0) return NOT_FOUND;
        let lit = key.slice(1, close);
        if (lit.toLowerCase().startsWith("ipv6:")) lit = lit.slice(5);
        if (!IPV4.test(lit) && !lit.includes(":")) return NO_HOST;
        const n = resolver.addrName(lit);
        const fin = (x: string | null): LookupResult => (x === null ? NO_HOST : done(key, x, args));
        return n instanceof Promise ? n.then(fin) : fin(n);
      }
      const r = canon(key);
      const fin = (c: CanonResult): LookupResult => {
        if (c.status === "found") return done(key, c.name, args);
        if (c.status === "tempfail") return { kind: "tempfail", reason: `host ${key}: temporary failure` };
        return NO_HOST;
      };
      return r instanceof Promise ? r.then(fin) : fin(r);
    },
  };
}
