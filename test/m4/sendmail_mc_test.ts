/*
 * sendmail_mc_test - differential acceptance test against GNU m4 on real .mc files.
 *
 * Compiles Debian's /etc/mail/sendmail.mc and submit.mc (as /etc/mail/Makefile
 * does: `m4 /etc/mail/X.mc` with cwd /etc/mail) and every sample in
 * /usr/share/sendmail/cf/cf/ (`m4 ../m4/cf.m4 X.mc` style, cwd that directory)
 * with both /usr/bin/m4 and the m4 under test (`node bin/m4`, or the command in
 * env M4_UNDER_TEST). stdout, stderr and exit status must be identical; the
 * only tolerated difference is the "##### built by USER@HOST on DATE" line,
 * and only when the two runs did not both happen within the same second.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { cpus, constants as osConstants } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { M4 as GNU, childEnv, m4UnderTest as m4Command } from "./oracle_harness.js";

const CF_DIR = "/usr/share/sendmail/cf";
const CF_M4 = `${CF_DIR}/m4/cf.m4`;
const ETC = "/etc/mail";
const BUILT_BY = /^##### built by (\S+) on (.+)$/;

const missing = [GNU, CF_M4].filter((p) => !existsSync(p));
if (missing.length) console.log(`sendmail_mc_test skipped: missing ${missing.join(", ")} (needs GNU m4 and Debian's sendmail-cf)`);

interface Run { stdout: string; stderr: string; status: number; startSec: number; endSec: number }

const nowSec = () => Math.floor(Date.now() / 1000);

function run(command: string[], args: string[], cwd: string): Promise<Run> {
  const [cmd, ...pre] = command;
  const env = childEnv();
  return new Promise((done, fail) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const startSec = nowSec();
    const child = spawn(cmd!, [...pre, ...args], { cwd, env, argv0: "m4", stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => { clearTimeout(timer); fail(e); });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const sig = signal ? (osConstants.signals as Record<string, number>)[signal] ?? 0 : 0;
      done({
        stdout: Buffer.concat(out).toString("latin1"), stderr: Buffer.concat(err).toString("latin1"),
        status: code ?? 128 + sig, startSec, endSec: nowSec(),
      });
    });
  });
}

interface Job { name: string; args: string[]; cwd: string }

function jobs(): Job[] {
  const list: Job[] = [];
  for (const mc of ["sendmail.mc", "submit.mc"])
    if (existsSync(join(ETC, mc))) list.push({ name: `/etc/mail/${mc}`, args: [join(ETC, mc)], cwd: ETC });
  const cfcf = join(CF_DIR, "cf");
  if (existsSync(cfcf))
    for (const mc of readdirSync(cfcf).filter((f) => f.endsWith(".mc")).sort())
      list.push({ name: `cf/cf/${mc}`, args: [CF_M4, mc], cwd: cfcf });
  return list;
}

/** Compare two stdouts, tolerating a differing "built by" line if the runs were in different seconds. */
function compareStdout(gnu: Run, ours: Run): void {
  const sameSecond = new Set([gnu.startSec, gnu.endSec, ours.startSec, ours.endSec]).size === 1;
  if (sameSecond || gnu.stdout === ours.stdout) {
    expect(ours.stdout, "stdout").toBe(gnu.stdout);
    return;
  }
  const a = gnu.stdout.split("\n");
  const b = ours.stdout.split("\n");
  const differing = a.map((_, i) => i).filter((i) => a[i] !== b[i]);
  expect(b.length, "stdout line count").toBe(a.length);
  expect(differing.length, `stdout differs on lines ${differing.map((i) => i + 1).join(",")}`).toBe(1);
  const i = differing[0]!;
  const ma = BUILT_BY.exec(a[i]!);
  const mb = BUILT_BY.exec(b[i]!);
  expect(mb && ma && mb[1] === ma[1], `only the built-by line may differ:\n${a[i]}\n${b[i]}`).toBe(true);
}

describe.skipIf(missing.length > 0)("sendmail .mc files: m4 under test vs GNU m4", () => {
  const list = missing.length ? [] : jobs();
  const results = new Map<string, { gnu: Run; ours: Run }>();

  beforeAll(async () => {
    const ours = m4Command();
    const queue = [...list];
    const worker = async () => {
      for (let j = queue.shift(); j; j = queue.shift()) {
        const [gnu, mine] = await Promise.all([run([GNU], j.args, j.cwd), run(ours, j.args, j.cwd)]);
        results.set(j.name, { gnu, ours: mine });
      }
    };
    await Promise.all(Array.from({ length: Math.max(4, cpus().length * 2) }, worker));
  }, 300_000);

  test("found the Debian and sample .mc files", () => {
    expect(list.length).toBeGreaterThan(2);
  });

  for (const j of list) {
    test(j.name, () => {
      const { gnu, ours } = results.get(j.name)!;
      expect(gnu.stdout.length, "GNU m4 produced output").toBeGreaterThan(0);
      expect(ours.stderr, "stderr").toBe(gnu.stderr);
      expect(ours.status, "exit status").toBe(gnu.status);
      compareStdout(gnu, ours);
    });
  }
});
