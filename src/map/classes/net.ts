/* net - maps that ask DNS (bestmx, dns) or run a program (program); all asynchronous. */

import { readFileSync } from "node:fs";
import { NOT_FOUND, foundResult, type LookupResult, type MapClassInstance, type MapFlags, type MaybePromise } from "./types.js";

/** Build a bestmx map: the best MX host of a domain (with -z delimiter: all of them). */
export function bestmxMap(flags: MapFlags, usesDns: () => boolean): MapClassInstance {
  return {
    lookup(key: string, args: readonly string[]): MaybePromise<LookupResult> {
      if (!usesDns()) return NOT_FOUND;
      return import("node:dns").then(async (dns) => {
        const r = new dns.promises.Resolver({ timeout: (flags.timeout ?? 2) * 1000, tries: 1 });
        const servers = resolvConfServers();
        if (servers.length > 0) r.setServers(servers);
        try {
          const mx = await r.resolveMx(key);
          if (mx.length === 0) return NOT_FOUND;
          mx.sort((a, b) => a.priority - b.priority);
          const value = flags.columnDelimiter !== null ? mx.map((m) => m.exchange + ".").join(flags.columnDelimiter) : mx[0]!.exchange + ".";
          return foundResult(flags, key, value, args);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "ENOTFOUND" || code === "ENODATA") return NOT_FOUND;
          return { kind: "tempfail", reason: `bestmx ${key}: ${code ?? "error"}` } as LookupResult;
        }
      });
    },
  };
}

/** Build a dns map (-R type, default A; -z delimiter for several answers). */
export function dnsMap(flags: MapFlags, args: string): MapClassInstance {
  const m = /-R\s*([A-Za-z0-9]+)/.exec(args);
  const rtype = (m?.[1] ?? "A").toUpperCase();
  return {
    lookup(key: string, av: readonly string[]): MaybePromise<LookupResult> {
      return import("node:dns").then(async (dns) => {
        const r = new dns.promises.Resolver({ timeout: (flags.timeout ?? 2) * 1000, tries: 1 });
        const servers = resolvConfServers();
        if (servers.length > 0) r.setServers(servers);
        try {
          const answers = (await r.resolve(key, rtype)) as unknown[];
          const texts = answers.map((a) => {
            if (typeof a === "string") return a;
            if (Array.isArray(a)) return a.join("");
            const o = a as Record<string, unknown>;
            if ("exchange" in o) return `${String(o.priority)} ${String(o.exchange)}`;
            return JSON.stringify(a);
          });
          if (texts.length === 0) return NOT_FOUND;
          const value = flags.columnDelimiter !== null ? texts.join(flags.columnDelimiter) : texts[0]!;
          return foundResult(flags, key, value, av);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "ENOTFOUND" || code === "ENODATA") return NOT_FOUND;
          return { kind: "tempfail", reason: `dns ${key}: ${code ?? "error"}` } as LookupResult;
        }
      });
    },
  };
}

/** Build a program map: run the program with the key as its last argument; the first output line is the value. */
export function programMap(flags: MapFlags): MapClassInstance {
  const argv = flags.rest;
  return {
    lookup(key: string, av: readonly string[]): MaybePromise<LookupResult> {
      if (argv.length === 0) return NOT_FOUND;
      return import("node:child_process").then(
        (cp) =>
          new Promise<LookupResult>((resolve) => {
            cp.execFile(argv[0]!, [...argv.slice(1), key], { encoding: "latin1", timeout: 30_000 }, (err, stdout, stderr) => {
              if (stderr.length > 0) process.stderr.write(stderr);
              // prog_map_lookup(): a non-zero exit status is the lookup's status, with no value
              const code = err === null ? 0 : (err as { code?: unknown }).code;
              if (typeof code === "number" && code !== 0) {
                resolve({ kind: "notfound", status: code });
                return;
              }
              if (err !== null && typeof code !== "number") {
                resolve({ kind: "notfound", status: 71 });
                return;
              }
              const line = stdout.split("\n")[0] ?? "";
              resolve(line.length === 0 ? NOT_FOUND : foundResult(flags, key, line, av));
            });
          }),
      );
    },
  };
}

/** The nameservers of resolv.conf (SMTS_RESOLV_CONF for tests), as the resolver library reads them. */
function resolvConfServers(): string[] {
  let text: string;
  try {
    text = readFileSync(process.env.SMTS_RESOLV_CONF ?? "/etc/resolv.conf", "latin1");
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const w = line.replace(/[#;].*/, "").trim().split(/\s+/);
    if (w[0] === "nameserver" && w[1] !== undefined && w[1].length > 0) out.push(w[1]);
  }
  return out;
}
