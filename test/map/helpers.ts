/*
 * helpers - shared by the map and alias suites: scratch directories, our
 * commands run in-process with captured output, the real tools run as
 * oracles, and whether those oracles exist here.
 */

import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makemapMain } from "../../src/map/makemap_cli.js";
import type { MakemapIO } from "../../src/map/makemap.js";

/** Paths of the real tools (Debian sendmail-bin, db5.3-util, tinycdb). */
export const REAL_MAKEMAP = "/usr/libexec/sendmail/makemap";
export const REAL_PRALIASES = "/usr/libexec/sendmail/praliases";
export const REAL_NEWALIASES = "/usr/libexec/sendmail/newaliases";
export const DB_DUMP = "/usr/bin/db5.3_dump";
export const DB_VERIFY = "/usr/bin/db5.3_verify";
export const CDB_TOOL = "/usr/bin/cdb";

/** Whether an executable exists. */
export function haveTool(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A fresh scratch directory and a function removing it. */
export function scratch(prefix = "maptest-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a command printed and returned. */
export interface Ran {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** An IO capturing output (latin1) with the given stdin. */
export function captureIO(input: string | Buffer = ""): { io: MakemapIO; result: () => Ran & { rawStdout: Buffer } } {
  const out: Buffer[] = [];
  let err = "";
  const io: MakemapIO = {
    stdin: () => (typeof input === "string" ? Buffer.from(input, "latin1") : input),
    stdout: (s) => out.push(typeof s === "string" ? Buffer.from(s, "latin1") : Buffer.from(s)),
    stderr: (s) => {
      err += s;
    },
  };
  return {
    io,
    result: () => {
      const raw = Buffer.concat(out);
      return { stdout: raw.toString("latin1"), rawStdout: raw, stderr: err, status: 0 };
    },
  };
}

/** Our makemap, in-process. */
export function ourMakemap(args: readonly string[], input: string | Buffer = ""): Ran {
  const c = captureIO(input);
  const status = makemapMain(args, c.io, "makemap");
  return { ...c.result(), status };
}

/** A real tool, synchronously (latin1 output). */
export function runReal(argv: readonly string[], input: string | Buffer = "", cwd?: string): Ran {
  const r = spawnSync(argv[0]!, argv.slice(1), {
    input: typeof input === "string" ? Buffer.from(input, "latin1") : input,
    cwd,
    env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LC_ALL: "C" },
    maxBuffer: 1 << 30,
  });
  return {
    stdout: (r.stdout ?? Buffer.alloc(0)).toString("latin1"),
    stderr: (r.stderr ?? Buffer.alloc(0)).toString("latin1"),
    status: r.status ?? 128,
  };
}

/** Real makemap's stderr without its warnings about world-writable /tmp. */
export function realStderr(s: string): string {
  return s
    .split("\n")
    .filter((l) => !l.startsWith("WARNING: World writable directory"))
    .join("\n");
}

/** Deterministic pseudo-random numbers (xorshift32). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/** Random makemap input: n lines with keys and values of varied lengths. */
export function randomMapText(n: number, seed: number, opts: { dupKeys?: boolean; poolDivisor?: number; short?: boolean } = {}): string {
  const r = rng(seed);
  const alpha = "abcdefghijklmnopqrstuvwxyz0123456789.-@";
  const word = (len: number): string => {
    let s = "";
    for (let i = 0; i < len; i++) s += alpha[Math.floor(r() * alpha.length)];
    return s;
  };
  const klens = [1, 2, 3, 5, 8, 12, 20, 40, 80, 200];
  const vlens = opts.short ? [1, 3, 10, 30] : [1, 3, 10, 30, 100, 300, 600];
  const pool = opts.dupKeys ? Array.from({ length: Math.max(1, Math.floor(n / (opts.poolDivisor ?? 4))) }, () => word(klens[Math.floor(r() * 4)]! + 2)) : [];
  let out = "";
  for (let i = 0; i < n; i++) {
    const k = opts.dupKeys ? pool[Math.floor(r() * pool.length)]! : word(klens[Math.floor(r() * klens.length)]!) + i;
    out += `${k} ${word(vlens[Math.floor(r() * vlens.length)]!)}\n`;
  }
  return out;
}
