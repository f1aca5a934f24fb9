/*
 * bench - entry point of `npm run bench` (dist/bench/index.js): runs every
 * benchmark, ours beside the reference in the same run, and prints ratios.
 * `npm run bench -- m4 cf` runs only the named ones.
 */
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { m4Bench } from "./m4_bench.js";
import { cfBench } from "./cf_bench.js";
import { queueBench } from "./queue_bench.js";
import { mapBench } from "./map_bench.js";
import { rulesetBench } from "./ruleset_bench.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** script - a benchmark kept beside its test suite, run as a child process */
const script = (path: string) => async (): Promise<void> => {
  spawnSync(process.execPath, [resolve(ROOT, path)], { stdio: "inherit", cwd: ROOT });
};

const all: Record<string, () => Promise<void>> = {
  m4: m4Bench,
  cf: cfBench,
  cflib: script("test/cf_lib/bench.mjs"),
  queue: queueBench,
  map: mapBench,
  ruleset: rulesetBench,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(all)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
