/*
 * golden_test - byte-for-byte comparison of the m4 under test with GNU m4 1.4.19.
 *
 * Every test/m4/cases/NAME.m4 is run as `m4 $(NAME.args) NAME.m4 < NAME.stdin`
 * (stdin /dev/null when absent) with cwd = cases/, LC_ALL=C and argv[0] "m4",
 * exactly like gen-golden.sh, and its stdout, stderr and exit status must equal
 * golden/NAME.{out,err,rc}. The m4 under test is `node bin/m4` unless the env
 * var M4_UNDER_TEST names another command (e.g. M4_UNDER_TEST=/usr/bin/m4).
 * All cases are spawned up front in parallel; each test then checks one result.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from "node:fs";
import { cpus, constants as osConstants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { childEnv, m4UnderTest as m4Command } from "./oracle_harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, "cases");
const goldenDir = join(here, "golden");
const TIMEOUT_MS = 20_000;
const MAX_OUTPUT = 8 << 20; // a runaway m4 is killed past this many bytes

interface Result { stdout: Buffer; stderr: Buffer; status: number; error?: string }

function readArgs(name: string): string[] {
  const file = join(casesDir, `${name}.args`);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, "latin1").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function runCase(name: string): Promise<Result> {
  const [cmd, ...pre] = m4Command();
  const stdinFile = join(casesDir, `${name}.stdin`);
  const stdinFd = openSync(existsSync(stdinFile) ? stdinFile : "/dev/null", "r");
  return new Promise((done) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const child = spawn(cmd!, [...pre, ...readArgs(name), `${name}.m4`], {
      cwd: casesDir, env: childEnv(), argv0: "m4", stdio: [stdinFd, "pipe", "pipe"],
    });
    closeSync(stdinFd);
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    let size = 0;
    const collect = (into: Buffer[]) => (b: Buffer) => {
      into.push(b);
      if ((size += b.length) > MAX_OUTPUT) child.kill("SIGKILL");
    };
    child.stdout!.on("data", collect(out));
    child.stderr!.on("data", collect(err));
    const finish = (status: number, error?: string) => {
      clearTimeout(timer);
      done({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), status, error });
    };
    child.on("error", (e) => finish(-1, String(e)));
    child.on("close", (code, signal) => {
      const sig = signal ? (osConstants.signals as Record<string, number>)[signal] ?? 0 : 0;
      finish(code ?? 128 + sig, signal ? `killed by ${signal}` : undefined);
    });
  });
}

/** Run fn over items with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const names = readdirSync(casesDir).filter((f) => f.endsWith(".m4")).map((f) => f.slice(0, -3)).sort();
const results = new Map<string, Result>();

describe(`m4 golden corpus (${m4Command().join(" ")})`, () => {
  beforeAll(async () => {
    const all = await pool(names, Math.max(4, cpus().length * 3), runCase);
    names.forEach((n, i) => results.set(n, all[i]!));
  }, 300_000);

  test("corpus is not empty and every case has goldens", () => {
    expect(names.length).toBeGreaterThan(100);
    for (const n of names)
      for (const ext of ["out", "err", "rc"]) expect(existsSync(join(goldenDir, `${n}.${ext}`)), `${n}.${ext}`).toBe(true);
  });

  for (const name of names) {
    test(name, () => {
      const r = results.get(name)!;
      expect(r.error, "spawn problem").toBeUndefined();
      // latin1 maps bytes 1:1 to chars, so string equality is byte equality with readable diffs.
      const golden = (ext: string) => readFileSync(join(goldenDir, `${name}.${ext}`)).toString("latin1");
      expect(r.stdout.toString("latin1"), "stdout").toBe(golden("out"));
      expect(r.stderr.toString("latin1"), "stderr").toBe(golden("err"));
      expect(r.status, "exit status").toBe(Number(golden("rc").trim()));
    });
  }
});
