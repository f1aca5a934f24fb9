/*
 * engine_equivalence_test - issue 5, acceptance 2, second half: "then the
 * same through our engine".
 *
 * For each mc/ example and the embedded default etc-mail/sendmail.mc:
 *   - reference: the .mc built with GNU m4 + Debian's sendmail-cf, run
 *     through REAL sendmail 8.17 (oracle sandbox);
 *   - ours: the same .mc built with our m4 + our cf/, run through OUR
 *     `bin/sendmail -bt -v` (environment of the oracle sandbox, see
 *     harness.mjs ourEngineEnv());
 *   - the corpus of corpus.mjs, one process per side and configuration;
 *     each line's answer is reduced as in equivalence_test.ts (final
 *     "returns:" of the top-level call, mailer triples, /try results,
 *     messages) and compared.  One vitest test per corpus line, grouped by
 *     the corpus's "#" blocks, so the report counts matching lines.
 *
 * The maps are built with our bin/makemap (real makemap when ours is not
 * built); real sendmail reads the same files.
 *
 * A failing line says whose fault it is: real sendmail is also run on OUR
 * cf, and if that gives the reference answer the difference is our engine's,
 * otherwise our cf library's (which equivalence_test.ts should also catch).
 *
 * Skipped, with the reason printed, when the oracle cannot run, our m4 is
 * not built, or bin/sendmail (dist/cli/sendmail.js) does not exist.
 */

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makemapReal, oracleAvailable, runBt, stripBtBanner } from "../oracle/sendmail_oracle.js";
import { corpus } from "./corpus.mjs";
import {
  compile,
  defines,
  DEBIAN_CF,
  EXAMPLES,
  GNU_M4,
  makeScratch,
  OUR_CF,
  OUR_M4,
  ourEngineEnv,
  ourEngineMissing,
  ourM4Available,
  ourMakemapAvailable,
  prepareExample,
  reduceAnswer,
  ROOT,
  runOurBt,
  runOurMakemap,
  splitEchoed,
  writeTables,
} from "./harness.mjs";

const oracle = oracleAvailable();
const engineMissing = ourEngineMissing();
const skipReason = !oracle.ok
  ? oracle.reason
  : !ourM4Available()
    ? "our m4 is not built (npx tsc -p tsconfig.json)"
    : engineMissing;
if (skipReason !== null) console.log(`cf library through our engine skipped: ${skipReason}`);
const useOurMakemap = ourMakemapAvailable();
if (skipReason === null && !useOurMakemap) console.log("cf library through our engine: bin/makemap not built, maps made with the real makemap");

const scratches: string[] = [];
afterAll(() => {
  if (process.env.CF_LIB_KEEP === undefined) for (const d of scratches) rmSync(d, { recursive: true, force: true });
});

interface Prepared {
  dir: string;
  /** map sources (makemap hash SRC builds SRC.db) */
  maps: string[];
  /** compile the reference and our .cf: [refText, oursText] */
  build: () => { ref: ReturnType<typeof compile>; ours: ReturnType<typeof compile> };
}

interface Config {
  name: string;
  prepare: () => Prepared;
}

const CONFIGS: Config[] = [
  ...EXAMPLES.map((example: { name: string; mc: string; tables?: string }) => ({
    name: example.name,
    prepare: (): Prepared => {
      const dir = makeScratch(`engine-${example.name}`);
      const { refMc, oursMc, maps } = prepareExample(example, dir);
      const d = defines(dir);
      return { dir, maps, build: () => ({ ref: compile(GNU_M4, DEBIAN_CF, refMc, d), ours: compile(OUR_M4, OUR_CF, oursMc, d) }) };
    },
  })),
  {
    name: "embedded etc-mail/sendmail.mc",
    prepare: (): Prepared => {
      // _SM_ROOT_ is the checkout: a scratch "checkout" with etc-mail/ in it
      const root = makeScratch("engine-embedded");
      const dir = join(root, "etc-mail");
      mkdirSync(dir);
      const maps = writeTables(dir, join(ROOT, "etc-mail"));
      const mc = join(dir, "sendmail.mc");
      copyFileSync(join(ROOT, "etc-mail", "sendmail.mc"), mc);
      const d = { _NO_MAKEINFO_: "", _SM_ROOT_: root };
      return { dir: root, maps, build: () => ({ ref: compile(GNU_M4, DEBIAN_CF, mc, d), ours: compile(OUR_M4, OUR_CF, mc, d) }) };
    },
  },
];

/** One corpus line to compare: its index in the corpus, and its "#" block. */
interface Item {
  index: number;
  line: string;
  block: string;
}

function blocks(lines: string[]): Map<string, Item[]> {
  const out = new Map<string, Item[]>();
  let block = "(start)";
  lines.forEach((line, index) => {
    if (line.startsWith("#")) {
      block = line.replace(/^#\s*/, "");
      return;
    }
    if (line.startsWith(".") || line.trim() === "") return;
    if (!out.has(block)) out.set(block, []);
    out.get(block)!.push({ index, line, block });
  });
  return out;
}

function shorten(s: string, n = 1500): string {
  return s.length > n ? `${s.slice(0, n)}... (${s.length} chars)` : s;
}

interface Runs {
  ref: { preamble: string; answers: (string | undefined)[] };
  ours: { preamble: string; answers: (string | undefined)[] };
  /** real sendmail on our cf: tells an engine difference from a cf one */
  triage: { preamble: string; answers: (string | undefined)[] };
  oursStatus: number;
  /** real sendmail's exit status on the reference cf (e.g. a /parse of an address that resolves to $#error sets it) */
  refStatus: number;
  oursStderr: string;
  ms: { ref: number; ours: number };
}

const TOTALS: { name: string; lines: number; same: number }[] = [];

describe.skipIf(skipReason !== null)("cf library through our engine: our m4 + cf/ + bin/sendmail -bt vs Debian's sendmail-cf + real sendmail", () => {
  afterAll(() => {
    if (TOTALS.length > 0) {
      console.log(
        "cf library through our engine, lines with the reference answer:\n" +
          TOTALS.map((t) => `  ${t.name.padEnd(32)} ${t.same}/${t.lines}`).join("\n"),
      );
    }
  });

  const lines: string[] = corpus();
  const grouped = blocks(lines);
  const count = [...grouped.values()].reduce((n, b) => n + b.length, 0);

  for (const config of CONFIGS) {
    describe(config.name, () => {
      let runs: Runs | null = null;
      let setupError: unknown = null;
      const total = { name: config.name, lines: count, same: 0 };

      beforeAll(async () => {
        try {
          const p = config.prepare();
          scratches.push(p.dir);
          const env = ourEngineEnv(p.dir);
          for (const m of p.maps) {
            const text = readFileSync(m, "latin1");
            const r = useOurMakemap ? await runOurMakemap("hash", m, text, env) : await makemapReal("hash", m, text);
            if (r.status !== 0) throw new Error(`makemap hash ${m}: status ${r.status}: ${r.stderr}`);
          }
          const { ref, ours } = p.build();
          if (ref.status !== 0) throw new Error(`GNU m4 + sendmail-cf: ${ref.stderr}`);
          if (ours.status !== 0) throw new Error(`our m4 + cf/: ${ours.stderr}`);
          const refCf = join(p.dir, "engine-ref.cf");
          const oursCf = join(p.dir, "engine-ours.cf");
          writeFileSync(refCf, ref.stdout, "latin1");
          writeFileSync(oursCf, ours.stdout, "latin1");
          const [r, o, t] = await Promise.all([
            (async () => {
              const t0 = Date.now();
              const x = await runBt(refCf, lines);
              return { ...x, ms: Date.now() - t0 };
            })(),
            runOurBt(oursCf, lines, env),
            runBt(oursCf, lines),
          ]);
          runs = {
            ref: splitEchoed(r.stdout, lines),
            ours: splitEchoed(o.stdout, lines),
            triage: splitEchoed(t.stdout, lines),
            oursStatus: o.status,
            refStatus: r.status,
            oursStderr: o.stderr,
            ms: { ref: r.ms, ours: o.ms },
          };
        } catch (e) {
          setupError = e;
        }
      }, 240_000);

      afterAll(() => {
        if (runs !== null) TOTALS.push(total);
      });

      function get(): Runs {
        if (setupError !== null) throw setupError;
        if (runs === null) throw new Error("setup did not run");
        return runs;
      }

      it("loads the same way (output before the first line, stderr, exit status)", () => {
        const r = get();
        expect(r.oursStderr, "our stderr").toBe("");
        expect(stripBtBanner(r.ours.preamble)).toBe(stripBtBanner(r.ref.preamble));
        expect(r.oursStatus, "our exit status (the reference's)").toBe(r.refStatus);
      });

      it("prints nothing for the macro and comment lines", () => {
        const r = get();
        const extra: string[] = [];
        lines.forEach((line, i) => {
          if (!line.startsWith(".") && !line.startsWith("#")) return;
          const want = r.ref.answers[i] ?? "";
          const got = r.ours.answers[i];
          if (got !== want) extra.push(`${line}\n  ref : ${JSON.stringify(want)}\n  ours: ${JSON.stringify(got ?? "<no echo>")}`);
        });
        expect(extra.slice(0, 10), `${extra.length} lines`).toEqual([]);
      });

      for (const [block, items] of grouped) {
        describe(block, () => {
          for (const item of items) {
            const shown = item.line.length > 80 ? `${item.line.slice(0, 77)}...` : item.line;
            it(`#${item.index + 1} ${shown}`, () => {
              const r = get();
              const want = reduceAnswer(r.ref.answers[item.index] ?? "<no answer>");
              const raw = r.ours.answers[item.index];
              const got = raw === undefined ? "<no echo of this line in our output>" : reduceAnswer(raw);
              if (got === want) {
                total.same++;
                return;
              }
              const triage = reduceAnswer(r.triage.answers[item.index] ?? "<no answer>");
              const verdict =
                triage === want
                  ? "ENGINE: real sendmail with our cf gives the reference answer"
                  : triage === got
                    ? "CF LIBRARY: real sendmail with our cf gives our answer too"
                    : `CF LIBRARY and ENGINE: real sendmail with our cf gives\n${triage}`;
              throw new Error(
                `${config.name}: ${item.line}\n${verdict}\n--- reference (real sendmail, Debian cf):\n${want}\n` +
                  `--- ours (bin/sendmail, our cf):\n${got}\n--- our full answer:\n${shorten(raw ?? "")}`,
              );
            });
          }
        });
      }
    });
  }
});
