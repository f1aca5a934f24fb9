/*
 * equivalence_test - our m4 + our cf/ library against GNU m4 + Debian's
 * sendmail-cf (issue 5, acceptance 1 and 2).
 *
 * For each mc/ example, and for each of the small configurations of
 * feature_configs.mjs that together use the whole vocabulary:
 *   - build a sendmail.cf both ways (tables in a scratch directory, maps
 *     built by the real makemap in the oracle sandbox);
 *   - the declarations (options, macros, classes, maps, mailers, headers)
 *     must be the same;
 *   - real sendmail 8.17 must load ours without printing anything;
 *   - the same corpus of -bt lines, run through real sendmail with each
 *     file, must give the same results: the final "returns:" line of each
 *     top-level call, the mailer triples of /parse, the results of /try
 *     and any other message.
 *
 * The same corpus through our own engine (our cf/ + bin/sendmail -bt
 * against this file's reference) is engine_equivalence_test.ts.
 *
 * Skipped, with the reason printed, when the oracle cannot run (not root,
 * no sendmail-bin / sendmail-cf / GNU m4) or our m4 is not built.
 */

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makemapReal, oracleAvailable, runBt, stripBtBanner } from "../oracle/sendmail_oracle.js";
import { corpus, countTests } from "./corpus.mjs";
import { CONFIGS, EXTRA_ADDRESSES, MAILERS, TABLES } from "./feature_configs.mjs";
import {
  compile,
  declarations,
  defines,
  DEBIAN_CF,
  EXAMPLES,
  GNU_M4,
  makeScratch,
  MAP_FILES,
  mcText,
  OUR_CF,
  OUR_M4,
  ourM4Available,
  prepareExample,
  reduceAnswer,
  ROOT,
  splitAnswers,
  writeTables,
} from "./harness.mjs";

const oracle = oracleAvailable();
const built = ourM4Available();
const skip = !oracle.ok || !built;
if (!oracle.ok) console.log(`cf library equivalence skipped: ${oracle.reason}`);
else if (!built) console.log("cf library equivalence skipped: our m4 is not built (npx tsc -p tsconfig.json)");

const scratches: string[] = [];
afterAll(() => {
  if (process.env.CF_LIB_KEEP === undefined) for (const d of scratches) rmSync(d, { recursive: true, force: true });
});

interface Built {
  dir: string;
  refCf: string;
  oursCf: string;
  refText: string;
  oursText: string;
}

/** Build maps (real makemap), then the reference and our sendmail.cf. */
async function buildBoth(dir: string, refMc: string, oursMc: string, maps: string[]): Promise<Built> {
  for (const m of maps) {
    const r = await makemapReal("hash", m, readFileSync(m, "latin1"));
    expect(r.status, `makemap ${m}: ${r.stderr}`).toBe(0);
  }
  const d = defines(dir);
  const ref = compile(GNU_M4, DEBIAN_CF, refMc, d);
  expect(ref.status, `GNU m4 + sendmail-cf: ${ref.stderr}`).toBe(0);
  const ours = compile(OUR_M4, OUR_CF, oursMc, d);
  expect(ours.status, `our m4 + cf/: ${ours.stderr}`).toBe(0);
  const refCf = join(dir, "ref.cf");
  const oursCf = join(dir, "ours.cf");
  writeFileSync(refCf, ref.stdout, "latin1");
  writeFileSync(oursCf, ours.stdout, "latin1");
  return { dir, refCf, oursCf, refText: ref.stdout, oursText: ours.stdout };
}

/** Every difference between the two files' answers to the corpus. */
async function differences(b: Built, lines: string[]): Promise<string[]> {
  const [r1, r2] = await Promise.all([runBt(b.refCf, lines), runBt(b.oursCf, lines)]);
  const a = splitAnswers(r1.stdout, lines);
  const o = splitAnswers(r2.stdout, lines);
  const diffs: string[] = [];
  if (stripBtBanner(a.preamble) !== stripBtBanner(o.preamble)) {
    diffs.push(`while loading:\n  ref : ${a.preamble}\n  ours: ${o.preamble}`);
  }
  lines.forEach((line, i) => {
    if (line.startsWith("#") || line.startsWith(".")) return;
    const x = reduceAnswer(a.answers[i] ?? "<no answer>");
    const y = reduceAnswer(o.answers[i] ?? "<no answer>");
    if (x !== y) diffs.push(`${line}\n  ref : ${x}\n  ours: ${y}`);
  });
  return diffs;
}

/** Real sendmail -bt -C cf < /dev/null must print nothing but its banner. */
async function loadsCleanly(cf: string): Promise<void> {
  const r = await runBt(cf, [], { echo: false });
  expect(r.stderr).toBe("");
  expect(stripBtBanner(r.stdout).replace(/^> $/, "")).toBe("");
}

/** The two files declare the same options, macros, classes, maps, mailers. */
function sameDeclarations(b: Built): void {
  const ref = declarations(b.refText);
  const ours = declarations(b.oursText);
  expect({ onlyInOurs: ours.filter((x: string) => !ref.includes(x)), onlyInReference: ref.filter((x: string) => !ours.includes(x)) }).toEqual({
    onlyInOurs: [],
    onlyInReference: [],
  });
}

describe.skipIf(skip)("cf library: the mc/ examples behave like Debian's sendmail-cf builds", () => {
  for (const example of EXAMPLES) {
    it(`${example.name}`, { timeout: 240_000 }, async () => {
      const dir = makeScratch(example.name);
      scratches.push(dir);
      const { refMc, oursMc, maps } = prepareExample(example, dir);
      const b = await buildBoth(dir, refMc, oursMc, maps);
      sameDeclarations(b);
      await loadsCleanly(b.oursCf);
      const lines = corpus();
      expect(countTests(lines)).toBeGreaterThanOrEqual(300);
      const diffs = await differences(b, lines);
      expect(diffs.slice(0, 20), `${diffs.length} of ${countTests(lines)} lines differ`).toEqual([]);
    });
  }
});

/** Debian's own files, if this is a Debian system with sendmail-cf. */
const SYSTEM_MCS = ["/etc/mail/sendmail.mc", "/etc/mail/submit.mc"].filter((f) => existsSync(f));
if (!skip && SYSTEM_MCS.length === 0) console.log("Debian's /etc/mail/*.mc not found: those comparisons skipped");

describe.skipIf(skip || SYSTEM_MCS.length === 0)("cf library: Debian's own sendmail.mc and submit.mc, include line changed", () => {
  for (const file of SYSTEM_MCS) {
    it(file, { timeout: 240_000 }, async () => {
      const dir = makeScratch(basename(file, ".mc"));
      scratches.push(dir);
      // the site hooks sendmail.mc includes (/etc/mail/m4/*.m4), empty
      mkdirSync(join(dir, "m4"));
      for (const hook of ["dialup.m4", "provider.m4"]) writeFileSync(join(dir, "m4", hook), "");
      const maps = writeTables(dir, null);
      const refMc = join(dir, `ref-${basename(file)}`);
      const oursMc = join(dir, `ours-${basename(file)}`);
      writeFileSync(refMc, mcText(file, dir, DEBIAN_CF), "latin1");
      writeFileSync(oursMc, mcText(file, dir, OUR_CF), "latin1");
      const b = await buildBoth(dir, refMc, oursMc, maps);
      sameDeclarations(b);
      await loadsCleanly(b.oursCf);
      const lines = corpus();
      const diffs = await differences(b, lines);
      expect(diffs.slice(0, 20), `${diffs.length} of ${countTests(lines)} lines differ`).toEqual([]);
    });
  }
});

describe.skipIf(skip)("cf library: the embedded default etc-mail/sendmail.mc", () => {
  it("behaves like its Debian sendmail-cf build", { timeout: 240_000 }, async () => {
    // _SM_ROOT_ is the checkout: a scratch "checkout" with etc-mail/ in it
    const root = makeScratch("embedded");
    scratches.push(root);
    const dir = join(root, "etc-mail");
    mkdirSync(dir);
    const maps = writeTables(dir, join(ROOT, "etc-mail"));
    const mc = join(dir, "sendmail.mc");
    copyFileSync(join(ROOT, "etc-mail", "sendmail.mc"), mc);
    for (const m of maps) {
      const r = await makemapReal("hash", m, readFileSync(m, "latin1"));
      expect(r.status, `makemap ${m}: ${r.stderr}`).toBe(0);
    }
    const d = { _NO_MAKEINFO_: "", _SM_ROOT_: root };
    const ref = compile(GNU_M4, DEBIAN_CF, mc, d);
    const ours = compile(OUR_M4, OUR_CF, mc, d);
    expect(ref.status, ref.stderr).toBe(0);
    expect(ours.stderr).toBe("");
    expect(ours.status).toBe(0);
    const b: Built = { dir, refCf: join(dir, "ref.cf"), oursCf: join(dir, "ours.cf"), refText: ref.stdout, oursText: ours.stdout };
    writeFileSync(b.refCf, ref.stdout, "latin1");
    writeFileSync(b.oursCf, ours.stdout, "latin1");
    sameDeclarations(b);
    await loadsCleanly(b.oursCf);
    const lines = corpus();
    const diffs = await differences(b, lines);
    expect(diffs.slice(0, 20), `${diffs.length} of ${countTests(lines)} lines differ`).toEqual([]);
  });
});

describe.skipIf(skip)("cf library: the vocabulary, feature by feature, against Debian's sendmail-cf", () => {
  for (const [name, text] of Object.entries(CONFIGS)) {
    it(name, { timeout: 240_000 }, async () => {
      const dir = makeScratch(name);
      scratches.push(dir);
      for (const [file, body] of Object.entries(TABLES)) writeFileSync(join(dir, file), body, "latin1");
      const mc = join(dir, `${name}.mc`);
      writeFileSync(mc, (text as string).split("/etc/mail/").join(`${dir}/`), "latin1");
      const b = await buildBoth(dir, mc, mc, MAP_FILES.map((f: string) => join(dir, f)));
      sameDeclarations(b);
      await loadsCleanly(b.oursCf);
      const lines = corpus({ small: true, extraAddresses: EXTRA_ADDRESSES, mailers: (MAILERS as Record<string, string[]>)[name] });
      const diffs = await differences(b, lines);
      expect(diffs.slice(0, 20), `${diffs.length} of ${countTests(lines)} lines differ`).toEqual([]);
    });
  }
});
