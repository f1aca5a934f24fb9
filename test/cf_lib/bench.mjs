#!/usr/bin/env node
/*
 * bench.mjs - compile time of the mc/ examples (issue 5, acceptance 4):
 *
 *	ours		our m4 (bin/m4) + our cf/ library
 *	reference	GNU m4 + Debian's sendmail-cf
 *
 * and, to tell the two halves apart, the crossed pairs (GNU m4 + our cf/,
 * our m4 + sendmail-cf).  Every compile is a separate process, as a user
 * runs it; the median of several runs is reported, with ours/reference.
 *
 *	node test/cf_lib/bench.mjs [--runs N] [--json]
 *
 * Needs dist/ (npx tsc -p tsconfig.json); the GNU m4 / sendmail-cf columns
 * are left out when those are not installed.  Exit status 0.
 */

import { existsSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { compile, DEBIAN_CF, EXAMPLES, GNU_M4, includesCf, makeScratch, MC_DIR, mcText, OUR_CF, OUR_M4, ourM4Available, ROOT } from "./harness.mjs";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) > 0 && args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 7;
const asJson = args.includes("--json");

const haveOurs = ourM4Available();
const haveGnu = existsSync(GNU_M4);
const haveDebian = existsSync(DEBIAN_CF);
if (!haveOurs) {
  console.error("bench: our m4 is not built (npx tsc -p tsconfig.json)");
  process.exit(0);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time (ms) of compiling mc with m4 + cfM4; null if it fails. */
function time(m4, cfM4, mc, dir) {
  const defs = { _NO_MAKEINFO_: "", MAIL_SETTINGS_DIR: `${dir}/` };
  const first = compile(m4, cfM4, mc, defs); // warm the file cache
  if (first.status !== 0) return null;
  const t = [];
  for (let i = 0; i < runs; i++) t.push(compile(m4, cfM4, mc, defs).ms);
  return median(t);
}

// our m4 in this process: the same work without starting node each time
const { runM4Sync } = await import(pathToFileURL(join(ROOT, "dist", "m4", "index.js")).href);
function timeInProcess(cfM4, mc, dir, text) {
  const argv = ["-D_NO_MAKEINFO_", `-DMAIL_SETTINGS_DIR=${dir}/`, ...(includesCf(text) ? [] : [cfM4]), mc];
  if (runM4Sync({ args: argv, cwd: dirname(mc) }).status !== 0) return null;
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    runM4Sync({ args: argv, cwd: dirname(mc) });
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(t);
}

const dir = makeScratch("bench");
const rows = [];
try {
  for (const ex of EXAMPLES) {
    const src = join(MC_DIR, ex.mc);
    const oursMc = join(dir, `ours-${ex.mc}`);
    const refMc = join(dir, `ref-${ex.mc}`);
    writeFileSync(oursMc, mcText(src, dir, OUR_CF), "latin1");
    writeFileSync(refMc, mcText(src, dir, DEBIAN_CF), "latin1");
    const row = { example: ex.name };
    row.ours = time(OUR_M4, OUR_CF, oursMc, dir);
    row.oursInProcess = timeInProcess(OUR_CF, oursMc, dir, mcText(src, dir, OUR_CF));
    if (haveGnu && haveDebian) row.reference = time(GNU_M4, DEBIAN_CF, refMc, dir);
    if (haveGnu) row.gnuM4OurCf = time(GNU_M4, OUR_CF, oursMc, dir);
    if (haveDebian) row.ourM4DebianCf = time(OUR_M4, DEBIAN_CF, refMc, dir);
    if (row.reference) row.ratio = row.ours / row.reference;
    if (row.gnuM4OurCf && row.reference) row.libraryRatio = row.gnuM4OurCf / row.reference;
    rows.push(row);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify({ runs, rows }, null, 2));
} else {
  const f = (x) => (x === undefined || x === null ? "-" : x.toFixed(1));
  const r = (x) => (x === undefined || x === null ? "-" : `${x.toFixed(2)}x`);
  console.log(`compile time of the mc/ examples, median of ${runs} runs (ms)`);
  console.log("example            ours   reference  ours/ref | ours in-process | GNU m4+our cf  our m4+Debian cf  (our cf)/(Debian cf) with GNU m4");
  for (const row of rows) {
    console.log(
      `${row.example.padEnd(16)} ${f(row.ours).padStart(6)} ${f(row.reference).padStart(11)} ${r(row.ratio).padStart(9)} | ${f(row.oursInProcess).padStart(15)} | ${f(row.gnuM4OurCf).padStart(13)} ${f(row.ourM4DebianCf).padStart(17)} ${r(row.libraryRatio).padStart(10)}`,
    );
  }
}
