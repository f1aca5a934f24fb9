/*
 * m4_bench - how fast our m4 compiles Debian's sendmail.mc, next to GNU m4.
 *
 * Medians of repeated runs: `node -e 0` (the start-up floor), `bin/m4
 * /etc/mail/sendmail.mc` and GNU `m4` on the same file (cwd /etc/mail), and
 * the in-process runM4() compile time after a warm-up. Prints a table with
 * ratios and the targets: a process within 30 ms of bare node, and an
 * in-process compile under 10 ms.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runM4 } from "../m4/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN_M4 = resolve(ROOT, "bin/m4");
const GNU_M4 = "/usr/bin/m4";
const MC_DIR = "/etc/mail";
const MC = "/etc/mail/sendmail.mc";
const PROCESS_RUNS = 20;
const INPROC_RUNS = 50;
const PROCESS_TARGET_MS = 30;
const INPROC_TARGET_MS = 10;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Median wall time in ms of running cmd args (cwd MC_DIR), or an error text. */
function timeProcess(cmd: string, args: string[], runs: number): number | string {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: MC_DIR, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
    const t1 = process.hrtime.bigint();
    if (r.error) return `cannot run: ${r.error.message}`;
    if (r.status !== 0) return `exit status ${r.status ?? r.signal}: ${String(r.stderr).split("\n")[0]}`;
    times.push(Number(t1 - t0) / 1e6);
  }
  return median(times);
}

/** Median in-process compile time in ms (after one warm-up run), or an error text. */
async function timeInProcess(runs: number, extra: string[] = []): Promise<number | string> {
  const opts = { args: [...extra, MC], cwd: MC_DIR };
  const warm = await runM4(opts);
  if (warm.status !== 0) return `exit status ${warm.status}: ${warm.stderr.split("\n")[0]}`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await runM4(opts);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

const fmt = (v: number | string | undefined): string =>
  typeof v === "number" ? `${v.toFixed(1)} ms` : v === undefined ? "-" : v;

export async function m4Bench(): Promise<void> {
  console.log(`m4 benchmark: ${MC} (cwd ${MC_DIR}); medians of ${PROCESS_RUNS} process runs, ${INPROC_RUNS} in-process runs`);
  if (!existsSync(MC)) {
    console.log(`skipped: ${MC} not found (needs Debian's sendmail-cf)`);
    return;
  }
  const floor = timeProcess(process.execPath, ["-e", "0"], PROCESS_RUNS);
  // Run the launcher itself (as a user would); fall back to node if it is not executable.
  let ours = timeProcess(BIN_M4, [MC], PROCESS_RUNS);
  if (typeof ours === "string" && ours.startsWith("cannot run")) ours = timeProcess(process.execPath, [BIN_M4, MC], PROCESS_RUNS);
  const haveGnu = existsSync(GNU_M4);
  const gnu = haveGnu ? timeProcess(GNU_M4, [MC], PROCESS_RUNS) : undefined;
  const inproc = await timeInProcess(INPROC_RUNS);
  // Informational: the same compile without cfhead.m4's makeinfo.sh/rm shell spawns.
  const noShell = await timeInProcess(INPROC_RUNS, ["-D_NO_MAKEINFO_"]);

  const num = (v: unknown): v is number => typeof v === "number";
  const rows: [string, string, string][] = [
    ["node -e 0 (floor)", fmt(floor), ""],
    ["bin/m4 sendmail.mc", fmt(ours), num(ours) && num(floor)
      ? `ours - node = ${(ours - floor).toFixed(1)} ms (target <= ${PROCESS_TARGET_MS}: ${ours - floor <= PROCESS_TARGET_MS ? "PASS" : "FAIL"})` : ""],
    ["GNU m4 sendmail.mc", haveGnu ? fmt(gnu) : "skipped", haveGnu
      ? (num(ours) && num(gnu) ? `ours / GNU = ${(ours / gnu).toFixed(2)}x` : "")
      : `${GNU_M4} not installed`],
    ["runM4 in-process", fmt(inproc), num(inproc)
      ? `target < ${INPROC_TARGET_MS} ms: ${inproc < INPROC_TARGET_MS ? "PASS" : "FAIL"}`
        + (num(gnu) ? `; in-process / GNU process = ${(inproc / gnu).toFixed(2)}x` : "") : ""],
    ["runM4 -D_NO_MAKEINFO_", fmt(noShell), "(info) same compile without the syscmd shell spawns"],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  console.log("  note: sendmail.mc runs `sh makeinfo.sh` and `rm` via syscmd: each compile includes two shell spawns");
}
