/*
 * ruleset_bench - address rewriting throughput: "3,0 ADDR" and
 * "check_rcpt <ADDR>" over 10,000 addresses against the Debian
 * sendmail.cf, ours in one process beside the real `sendmail -bt` fed the
 * same batch (in the oracle sandbox, when root and the sandbox are
 * available). Prints both rates and the ratio (target: ours >= real).
 */

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const CF = "/etc/mail/sendmail.cf";
const COUNT = 10_000;
const REAL_SENDMAIL = "/usr/libexec/sendmail/sendmail";
const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SANDBOX_INNER = join(REPO, "test", "oracle", "sandbox-inner.sh");

/** The batch: client macros, then one 3,0 and one check_rcpt line per address. */
export function benchLines(count = COUNT): string[] {
  const lines = [".D{client_addr}192.0.2.1", ".D{client_name}client.example"];
  const domains = ["example.com", "mail.skills.com", "smile.com", "mx.oracle.test", "relay.example.net", "foo.invalid"];
  for (let i = 0; i < count / 2; i++) {
    const d = domains[i % domains.length]!;
    lines.push(`3,0 user${i}@${d}`);
    lines.push(`check_rcpt <rcpt${i}@${d}>`);
  }
  return lines;
}

async function ours(cf: string, lines: readonly string[]): Promise<{ ms: number; bytes: number }> {
  // the same host identity and name service as the real sendmail in the sandbox
  process.env.SMTS_HOSTNAME ??= "mx.oracle.test";
  process.env.SMTS_HOSTS_FILE ??= join(REPO, "test", "oracle", "sandbox", "hosts");
  process.env.SMTS_SERVICE_SWITCH ??= join(REPO, "test", "oracle", "sandbox", "service.switch");
  const { openEngine, Output } = await import("../bt/session.js");
  const { TestSession } = await import("../bt/testmode.js");
  let bytes = 0;
  const out = new Output();
  out.write = (s: string) => {
    bytes += s.length;
  };
  const opened = openEngine({ cfPath: cf, verbose: true, debug: [], options: new Map(), opMode: "t" }, out, true);
  if (opened.eng === null) throw new Error(`cannot load ${cf}`);
  const session = new TestSession(opened.eng);
  const t0 = performance.now();
  for (const l of lines) {
    out.write(`> ${l}\n`);
    const r = session.line(l);
    if (r instanceof Promise) await r;
  }
  return { ms: performance.now() - t0, bytes };
}

function real(cf: string, lines: readonly string[]): Promise<{ ms: number; bytes: number } | null> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return Promise.resolve(null);
  if (!existsSync(REAL_SENDMAIL) || !existsSync(SANDBOX_INNER)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(
      "unshare",
      ["--uts", "--mount", "--net", "--propagation", "private", "--", "/bin/sh", SANDBOX_INNER, REAL_SENDMAIL, "-bt", "-v", "-C", cf],
      {
        env: {
          PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin",
          LC_ALL: "C",
          SM_ORACLE_FILES: join(REPO, "test", "oracle", "sandbox"),
          SM_ORACLE_HOSTNAME: "mx.oracle.test",
          SM_ORACLE_PASSWD: "/etc/passwd",
        },
        stdio: ["pipe", "pipe", "ignore"],
      },
    );
    let bytes = 0;
    child.stdout.on("data", (b: Buffer) => (bytes += b.length));
    child.on("error", () => resolve(null));
    child.on("close", (code) => resolve(code === 0 ? { ms: performance.now() - t0, bytes } : null));
    child.stdin.end(lines.map((l) => l + "\n").join(""));
  });
}

export async function rulesetBench(): Promise<void> {
  const cf = process.env.RULESET_BENCH_CF ?? CF;
  if (!existsSync(cf)) {
    console.log(`ruleset: skipped (${cf} not found)`);
    return;
  }
  const lines = benchLines();
  const n = lines.length - 2;
  await ours(cf, lines.slice(0, 200)); // warm-up
  const o = await ours(cf, lines);
  const oursRate = (n / o.ms) * 1000;
  console.log(`ruleset ours: ${n} lines in ${o.ms.toFixed(0)} ms = ${oursRate.toFixed(0)} lines/s (${o.bytes} bytes of output)`);
  const r = await real(cf, lines);
  if (r === null) {
    console.log("ruleset real sendmail: skipped (needs root, unshare and /usr/libexec/sendmail/sendmail)");
    return;
  }
  const realRate = (n / r.ms) * 1000;
  const ratio = oursRate / realRate;
  console.log(
    `ruleset real: ${n} lines in ${r.ms.toFixed(0)} ms = ${realRate.toFixed(0)} lines/s (${r.bytes} bytes, process start included)`,
  );
  console.log(`ruleset ratio ours/real: ${ratio.toFixed(2)} (${ratio >= 1 ? "ok" : "SLOWER than sendmail"})`);
}
