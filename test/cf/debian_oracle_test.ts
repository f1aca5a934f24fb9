/*
 * Differential tests: the loader's model of real configurations against
 * what real sendmail 8.17 reports about the same file in address test mode
 * (=M mailers, =S rules, ruleset numbers, $x macros, $=X classes, and the
 * diagnostics printed while reading the file).
 */

import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCf, renderMailers, renderRuleset, xputs, macroNamer, type CfModel } from "../../src/cf/index.js";
import { compileMc, oracleAvailable } from "../oracle/sendmail_oracle.js";
import { btQuery, printedDiagnostics, realRulesetNumbers, SANDBOX_ENV, sandboxDatabases } from "./oracle_helpers.js";

const avail = oracleAvailable();
if (!avail.ok) console.log(`cf oracle comparisons skipped: ${avail.reason}`);

const DEBIAN_CF = "/etc/mail/sendmail.cf";
const DEBIAN_SUBMIT_CF = "/etc/mail/submit.cf";
const MC_DIR = "/usr/share/sendmail/cf/cf";
const GENERIC_MC = join(MC_DIR, "generic-linux.mc");
if (!existsSync(DEBIAN_CF)) console.log(`Debian sendmail.cf comparison skipped: ${DEBIAN_CF} not found`);
if (!existsSync(GENERIC_MC)) console.log(`generic-linux.mc comparison skipped: ${GENERIC_MC} not found`);

/** Macros whose value real sendmail sets at run time differently (date, auth info, ...). */
const RUNTIME_MACROS = new Set(["b", "_", "opMode"]);

function compareWithOracle(label: string, cfPath: () => string): void {
  describe.skipIf(!avail.ok)(label, () => {
    let model: CfModel;
    const scratch = mkdtempSync(join(tmpdir(), "cf-oracle-"));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    beforeAll(() => {
      model = loadCf(cfPath(), { env: SANDBOX_ENV, systemDatabases: sandboxDatabases() });
    });

    it("prints the same diagnostics and the same =M mailer table", async () => {
      const { preamble, answers } = await btQuery(cfPath(), ["=M"]);
      expect(printedDiagnostics(model)).toBe(preamble);
      expect(renderMailers(model)).toBe(answers[0]);
    });

    it("numbers named rulesets as sendmail does", async () => {
      const names = [...model.rulesetNumbers.keys()];
      expect(names.length).toBeGreaterThan(0);
      const real = await realRulesetNumbers(cfPath(), names, scratch);
      expect(Object.fromEntries(real)).toEqual(Object.fromEntries(model.rulesetNumbers));
    });

    it("tokenizes every rule as sendmail does (=S for every ruleset name and number)", async () => {
      const queries: { line: string; number: number }[] = [];
      for (const [name, number] of model.rulesetNumbers) queries.push({ line: `=S${name}`, number });
      for (let n = 0; n < 100; n++) queries.push({ line: `=S${n}`, number: n });
      const { answers } = await btQuery(
        cfPath(),
        queries.map((q) => q.line),
      );
      let rules = 0;
      queries.forEach((q, i) => {
        const expected = renderRuleset(model, q.number);
        rules += model.rulesets.get(q.number)?.rules.length ?? 0;
        expect(`${q.line}\n${expected}`).toBe(`${q.line}\n${answers[i]}`);
      });
      expect(rules).toBeGreaterThan(100);
    });

    it("has the same macro values ($x)", async () => {
      const names = [...model.macros.values()]
        .filter((m) => !RUNTIME_MACROS.has(m.name) && m.value.length > 0 && !/^[*+\-=~#@:>?|.[\]()&0-9]$/.test(m.name))
        .map((m) => m.name);
      const lines = names.map((n) => (n.length === 1 ? `$${n}` : `\${${n}}`));
      const { answers } = await btQuery(cfPath(), lines);
      const namer = macroNamer(model);
      names.forEach((n, i) => {
        expect(`${lines[i]} = ${xputs(model.macros.get(n)!.value, namer)}\n`).toBe(`${lines[i]} = ${answers[i]}`);
      });
    });

    it("has the same class members ($=X, compared as sets)", async () => {
      const names = [...model.classes.keys()];
      const lines = names.map((n) => (n.length === 1 ? `$=${n}` : `$={${n}}`));
      const { answers } = await btQuery(cfPath(), lines);
      names.forEach((n, i) => {
        const real = answers[i]!.split("\n").filter((w) => w.length > 0).sort();
        const ours = [...model.classes.get(n)!.words].sort();
        expect({ cls: n, words: ours }).toEqual({ cls: n, words: real });
      });
    });
  });
}

describe.skipIf(!existsSync(DEBIAN_CF))("Debian /etc/mail/sendmail.cf", () => {
  compareWithOracle("against real sendmail", () => DEBIAN_CF);
});

describe.skipIf(!existsSync(DEBIAN_SUBMIT_CF))("Debian /etc/mail/submit.cf", () => {
  compareWithOracle("against real sendmail", () => DEBIAN_SUBMIT_CF);
});

/** Every sample .mc of sendmail-cf (generic-linux.mc first), compiled with m4 the way Debian does. */
const MC_FILES = existsSync(MC_DIR)
  ? [GENERIC_MC, ...readdirSync(MC_DIR).filter((f) => f.endsWith(".mc")).map((f) => join(MC_DIR, f)).filter((f) => f !== GENERIC_MC)]
  : [];

for (const mc of MC_FILES) {
  describe.skipIf(!existsSync(mc))(`cf/cf/${basename(mc)} compiled with m4`, () => {
    const dir = mkdtempSync(join(tmpdir(), "cf-mc-"));
    const cf = join(dir, basename(mc, ".mc") + ".cf");
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    beforeAll(async () => {
      if (!avail.ok) return;
      const r = await compileMc(mc, cf, { noMakeInfo: true });
      expect(r.status).toBe(0);
    });
    compareWithOracle("against real sendmail", () => cf);
  });
}
