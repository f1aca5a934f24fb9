#!/usr/bin/env node
/*
 * gen-golden.mjs - regenerate test/ruleset_diff/golden/*.out with the REAL
 * sendmail 8.17 (Debian sendmail-bin) and GNU m4. Goldens must only ever
 * come from this script.
 *
 *   node test/ruleset_diff/gen-golden.mjs            all (config, corpus) pairs
 *   node test/ruleset_diff/gen-golden.mjs --try CONFIG FILE [ARGS...]
 *                                                     print real output for an
 *                                                     ad-hoc corpus, write nothing
 *
 * For each configuration (see common.mjs): a scratch dir gets the class
 * files, the maps built by the real makemap and the .cf compiled by GNU m4;
 * each corpus naming the configuration is fed to `sendmail -bt -v -C CF`
 * in the oracle sandbox (test/oracle/sendmail_oracle.ts: host name
 * mx.oracle.test, hosts from files, test users in passwd); stdout, with the
 * scratch dir written as @MAPDIR@, is golden/<config>__<corpus>.out and
 * its exit status golden/<config>__<corpus>.rc.
 * Needs root (unshare).
 */

import { mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import {
  CONFIGS,
  GOLDEN,
  HERE,
  allCorpora,
  compileConfig,
  goldenPath,
  installFiles,
  mapSource,
  readCorpus,
  unlocalize,
} from "./common.mjs";

/** Node 20 cannot import .ts: transpile the oracle module into a temp .mjs. */
async function loadOracle(work) {
  const src = readFileSync(join(HERE, "..", "oracle", "sendmail_oracle.ts"), "utf8");
  const js = ts.transpileModule(src, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  // ORACLE_DIR comes from import.meta.url: pin it to the real directory.
  const fixed = js.replace(
    /export const ORACLE_DIR = [^;]*;/,
    `export const ORACLE_DIR = ${JSON.stringify(join(HERE, "..", "oracle"))};`,
  );
  const file = join(work, "sendmail_oracle.mjs");
  writeFileSync(file, fixed);
  return import(pathToFileURL(file).href);
}

async function prepare(oracle, config, mapDir) {
  installFiles(config, mapDir);
  for (const m of config.maps) {
    const r = await oracle.makemapReal(m.type, join(mapDir, m.db), mapSource(m));
    if (r.status !== 0 || r.stderr.length > 0) {
      throw new Error(`makemap ${m.type} ${m.db}: status ${r.status}: ${r.stderr}`);
    }
  }
  return compileConfig(config, mapDir);
}

async function runCorpus(oracle, cf, corpus, mapDir) {
  const r = await oracle.runBt(cf, corpus.lines, { extraArgs: corpus.args, echo: true });
  const problems = [];
  if (r.stderr.length > 0) problems.push(`stderr: ${r.stderr}`);
  if (/sleeping for retry/.test(r.stdout)) problems.push("sleep warning in stdout");
  const parts = oracle.splitBtAnswers(r.stdout, corpus.lines);
  if (parts.length !== corpus.lines.length + 1) {
    problems.push(`only ${parts.length - 1} of ${corpus.lines.length} lines echoed`);
  }
  return { stdout: unlocalize(r.stdout, mapDir), status: r.status, problems };
}

async function main() {
  const argv = process.argv.slice(2);
  // Not under /tmp: sendmail and makemap warn about world-writable directories on a map's path.
  const work = mkdtempSync(join(HERE, ".scratch-gen-"));
  try {
    const oracle = await loadOracle(work);
    const avail = oracle.oracleAvailable();
    if (!avail.ok) throw new Error(`oracle not available: ${avail.reason}`);

    if (argv[0] === "--try") {
      const config = CONFIGS.find((c) => c.name === argv[1]);
      if (config === undefined) throw new Error(`unknown configuration ${argv[1]}`);
      const corpus = readCorpus(argv[2]);
      corpus.args = [...corpus.args, ...argv.slice(3)];
      const mapDir = join(work, config.name);
      const cf = await prepare(oracle, config, mapDir);
      const { stdout, status, problems } = await runCorpus(oracle, cf, corpus, mapDir);
      process.stdout.write(stdout);
      process.stderr.write(`exit status ${status}\n`);
      for (const p of problems) process.stderr.write(`PROBLEM: ${p}\n`);
      return;
    }

    for (const f of readdirSync(GOLDEN)) if (/\.(out|rc)$/.test(f)) unlinkSync(join(GOLDEN, f));
    const corpora = allCorpora();
    let failed = false;
    for (const config of CONFIGS) {
      const mapDir = join(work, config.name);
      const cf = await prepare(oracle, config, mapDir);
      for (const corpus of corpora) {
        if (!corpus.configs.includes(config.name)) continue;
        const { stdout, status, problems } = await runCorpus(oracle, cf, corpus, mapDir);
        const golden = goldenPath(config.name, corpus.name);
        writeFileSync(golden, stdout, "latin1");
        writeFileSync(golden.replace(/\.out$/, ".rc"), `${status}\n`);
        const note = problems.length > 0 ? `  PROBLEMS: ${problems.join("; ")}` : "";
        if (problems.length > 0) failed = true;
        console.log(`${config.name}__${corpus.name}.out: ${corpus.lines.length} lines, exit status ${status}${note}`);
      }
    }
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`gen-golden: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
