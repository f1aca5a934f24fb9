/*
 * bench - entry point of `npm run bench` (dist/bench/index.js): runs every
 * benchmark, ours beside the reference in the same run, and prints ratios.
 * `npm run bench -- m4 cf` runs only the named ones.
 */
import { m4Bench } from "./m4_bench.js";
import { cfBench } from "./cf_bench.js";

const all: Record<string, () => Promise<void>> = {
  m4: m4Bench,
  cf: cfBench,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(all)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
