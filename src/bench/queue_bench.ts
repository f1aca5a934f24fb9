/*
 * queue_bench - `mailq` over a queue of 10,000 messages: ours (node
 * dist/cli/mailq.js) against real sendmail 8.17's mailq, run in the oracle
 * sandbox (test/oracle/sandbox-inner.sh; the sandbox's own start-up, timed
 * with /bin/true, is subtracted). The queue is written by our store (fsync
 * off to keep the set-up short). Median of 3 runs each; the outputs are
 * compared as well.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { newEnvelope } from "../queue/qf_format.js";
import { FsQueueStore } from "../queue/store_fs.js";

const MESSAGES = Number(process.env.QUEUE_BENCH_MESSAGES ?? 10_000);
const RUNS = 3;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ORACLE = join(ROOT, "test", "oracle");
const REAL_MAILQ = "/usr/libexec/sendmail/mailq";
const BASE_CF = "/etc/mail/sendmail.cf";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function sandboxArgv(work: string, argv: string[]): { cmd: string; args: string[]; env: NodeJS.ProcessEnv } | null {
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/unshare") || !existsSync(REAL_MAILQ)) return null;
  const passwd = join(work, "passwd");
  writeFileSync(passwd, readFileSync("/etc/passwd", "latin1"), "latin1");
  return {
    cmd: "/usr/bin/unshare",
    args: ["--uts", "--mount", "--net", "--propagation", "private", "--", "/bin/sh", join(ORACLE, "sandbox-inner.sh"), ...argv],
    env: {
      PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
      LC_ALL: "C",
      TZ: "UTC",
      SM_ORACLE_FILES: join(ORACLE, "sandbox"),
      SM_ORACLE_HOSTNAME: "mx.oracle.test",
      SM_ORACLE_PASSWD: passwd,
    },
  };
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): { ms: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, maxBuffer: 256 * 1024 * 1024, encoding: "latin1" });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} failed (${String(r.status)}): ${r.stderr}`);
  return { ms, out: r.stdout };
}

export async function queueBench(): Promise<void> {
  if (!existsSync(BASE_CF)) {
    console.log(`queue mailq: skipped (${BASE_CF} not found)`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "queue-bench-"));
  try {
    const qdir = join(work, "mqueue");
    mkdirSync(qdir);
    const cf = join(work, "sendmail.cf");
    const base = readFileSync(BASE_CF, "latin1")
      .replace(/^O QueueDirectory=.*$/m, `O QueueDirectory=${qdir}`)
      .replace(/^#?O QueueLA=.*$/m, "O QueueLA=1000");
    writeFileSync(cf, base, "latin1");

    const t0 = performance.now();
    const store = new FsQueueStore(qdir, { fileMode: 0o600, fsync: false });
    const created = Math.floor(Date.now() / 1000) - 7200;
    const batch = 200;
    for (let i = 0; i < MESSAGES; i += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, MESSAGES - i) }, async (_, j) => {
          const n = i + j;
          const m = await store.begin();
          await m.write(`message ${n}\n`.repeat(1 + (n % 5)));
          await m.commit(
            newEnvelope({
              createdAt: created + n,
              priority: 30000 + n * 7,
              flags: "s",
              ...(n % 3 === 0 ? { status: "Deferred: Connection refused by mx.example.net.", attempts: 1, lastAttempt: created + n + 60 } : {}),
              macros: [{ name: "_", value: "root@localhost" }],
              sender: `sender${n}@example.com`,
              recipients: [
                { flags: "PFD", address: `rcpt${n}@example.net`, finalRecipient: `RFC822; rcpt${n}@example.net` },
                { flags: "PFD", address: `other${n}@example.org` },
              ],
              headers: [{ condition: "", name: "Subject", value: ` bench ${n}` }],
            }),
          );
        }),
      );
    }
    console.log(`queue: ${MESSAGES} messages written by our store in ${(performance.now() - t0).toFixed(0)} ms (fsync off)`);

    const env = { ...process.env, TZ: "UTC" };
    const oursTimes: number[] = [];
    let oursOut = "";
    for (let r = 0; r < RUNS; r++) {
      const x = timed(process.execPath, [join(ROOT, "dist", "cli", "mailq.js"), "-C", cf], env);
      oursTimes.push(x.ms);
      oursOut = x.out;
    }
    const ours = median(oursTimes);
    const sb = sandboxArgv(work, [REAL_MAILQ, "-C", cf]);
    if (sb === null) {
      console.log(`mailq ${MESSAGES}: ours ${ours.toFixed(0)} ms; real mailq skipped (needs root, unshare, sendmail-bin)`);
      return;
    }
    const empty = sandboxArgv(work, ["/bin/true"])!;
    const overhead = median([0, 1, 2].map(() => timed(empty.cmd, empty.args, empty.env).ms));
    const realTimes: number[] = [];
    let realOut = "";
    for (let r = 0; r < RUNS; r++) {
      const x = timed(sb.cmd, sb.args, sb.env);
      realTimes.push(x.ms - overhead);
      realOut = x.out;
    }
    const real = median(realTimes);
    const same = realOut === oursOut ? "identical output" : "OUTPUT DIFFERS";
    console.log(
      `mailq ${MESSAGES} messages: ours ${ours.toFixed(0)} ms, real ${real.toFixed(0)} ms ` +
        `(sandbox start-up ${overhead.toFixed(0)} ms subtracted); ours/real ${(ours / real).toFixed(2)} ` +
        `(${ours <= real ? "ok: at least as fast" : "SLOWER than real"}); ${same}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
