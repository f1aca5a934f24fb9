/*
 * cf_bench - time loading the Debian /etc/mail/sendmail.cf with the cf
 * loader (median of 50 loads after warm-up). The budget is 20 ms.
 */

import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { defaultEnvironment, loadCf } from "../cf/index.js";

export const CF_BENCH_FILE = "/etc/mail/sendmail.cf";
export const CF_BENCH_BUDGET_MS = 20;

export async function cfBench(): Promise<void> {
  const file = process.env.CF_BENCH_FILE ?? CF_BENCH_FILE;
  if (!existsSync(file)) {
    console.log(`cf load: skipped (${file} not found)`);
    return;
  }
  const env = defaultEnvironment();
  const runs = 50;
  const times: number[] = [];
  let rules = 0;
  for (let i = 0; i < 5; i++) loadCf(file, { env });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const model = loadCf(file, { env });
    times.push(performance.now() - t0);
    rules = 0;
    for (const rs of model.rulesets.values()) rules += rs.rules.length;
  }
  times.sort((a, b) => a - b);
  const median = (times[(runs - 1) >> 1]! + times[runs >> 1]!) / 2;
  const verdict = median < CF_BENCH_BUDGET_MS ? "ok" : "OVER BUDGET";
  console.log(
    `cf load ${file}: median ${median.toFixed(2)} ms of ${runs} (min ${times[0]!.toFixed(2)}, max ${times[runs - 1]!.toFixed(2)}; ${rules} rules; budget ${CF_BENCH_BUDGET_MS} ms: ${verdict})`,
  );
}
