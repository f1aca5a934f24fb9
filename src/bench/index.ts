/*
 * bench - entry point of `npm run bench` (dist/bench/index.js): runs every benchmark.
 */
import { m4Bench } from "./m4_bench.js";

await m4Bench();
