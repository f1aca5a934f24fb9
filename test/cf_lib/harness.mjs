/*
 * harness.mjs - building sendmail.cf files from the mc/ examples, with our
 * m4 and our cf/ library and (for comparison) with GNU m4 and Debian's
 * sendmail-cf, and reducing `sendmail -bt` output to what must agree.
 *
 * Plain JavaScript so that both the vitest suites and the benchmark script
 * (test/cf_lib/bench.mjs, run with plain node) can use it.  Running the real
 * sendmail is left to test/oracle/sendmail_oracle.ts.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const OUR_CF = join(ROOT, "cf", "m4", "cf.m4");
export const OUR_M4 = join(ROOT, "bin", "m4");
export const OUR_M4_JS = join(ROOT, "dist", "cli", "m4.js");
export const GNU_M4 = "/usr/bin/m4";
export const DEBIAN_CF_DIR = "/usr/share/sendmail/cf";
export const DEBIAN_CF = join(DEBIAN_CF_DIR, "m4", "cf.m4");
export const MC_DIR = join(ROOT, "mc");

/** The tables a configuration may name; maps are built from the text files. */
export const TABLE_FILES = ["local-host-names", "relay-domains", "trusted-users", "aliases"];
export const MAP_FILES = ["access", "virtusertable", "mailertable", "genericstable", "domaintable", "authinfo"];

/**
 * The examples: mc file, the directory with its tables (if any), and the
 * mailers worth trying with /try.
 */
export const EXAMPLES = [
  { name: "generic-linux", mc: "generic-linux.mc" },
  { name: "debian-server", mc: "debian-server.mc" },
  { name: "virtual-domains", mc: "virtual-domains.mc", tables: "virtual-domains" },
  { name: "smarthost-client", mc: "smarthost-client.mc" },
  { name: "nullclient", mc: "nullclient.mc" },
  { name: "submit", mc: "submit.mc" },
];

/** Is our m4 built (dist/cli/m4.js)? */
export function ourM4Available() {
  return existsSync(OUR_M4_JS);
}

/**
 * A scratch directory for generated files.  It is made under the checkout
 * (test/cf_lib/.scratch-*), not in /tmp: sendmail refuses to read class
 * files from a path that goes through a world-writable directory.
 */
export function makeScratch(tag) {
  const base = join(ROOT, "test", "cf_lib", ".scratch");
  mkdirSync(base, { recursive: true, mode: 0o755 });
  return mkdtempSync(join(base, `${tag}-`));
}

/**
 * Write the table files of an example into dir (empty ones for those it
 * has none of).  Returns the names of the map sources to turn into .db
 * files with makemap.
 */
export function writeTables(dir, tablesDir) {
  for (const f of [...TABLE_FILES, ...MAP_FILES]) {
    const src = tablesDir ? join(tablesDir, f) : null;
    const text = src && existsSync(src) ? readFileSync(src, "latin1") : "";
    writeFileSync(join(dir, f), text, { encoding: "latin1", mode: 0o644 });
  }
  return MAP_FILES.map((f) => join(dir, f));
}

/**
 * The .mc text of an example, made to use dir instead of /etc/mail and to
 * include the given cf.m4 (when the file includes one itself).
 */
export function mcText(mcPath, dir, cfM4) {
  let text = readFileSync(mcPath, "latin1");
  text = text.split("/etc/mail/").join(`${dir}/`);
  text = text.replace(/include\(`[^']*cf\.m4'\)/, `include(\`${cfM4}')`);
  return text;
}

/** Does the .mc include cf.m4 itself (Debian style)? */
export function includesCf(text) {
  return /include\(`[^']*cf\.m4'\)/.test(text);
}

/**
 * Compile an .mc with the given m4 and cf.m4 (run as "m4 cf.m4 mc" unless
 * the mc includes cf.m4).  Returns { status, stdout, stderr, ms }.
 */
export function compile(m4, cfM4, mcPath, defines = {}, extraArgs = []) {
  const text = readFileSync(mcPath, "latin1");
  const args = [...extraArgs];
  for (const [k, v] of Object.entries(defines)) args.push(v === "" ? `-D${k}` : `-D${k}=${v}`);
  if (!includesCf(text)) args.push(cfM4);
  args.push(mcPath);
  const cmd = m4 === OUR_M4 ? process.execPath : m4;
  const argv = m4 === OUR_M4 ? [OUR_M4_JS, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: dirname(mcPath), encoding: "latin1", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { status: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms };
}

/**
 * Prepare one example in dir: tables, and both .mc variants.  Returns the
 * paths { refMc, oursMc, maps }.  MAIL_SETTINGS_DIR must also be passed to
 * m4 (defines()).
 */
export function prepareExample(example, dir) {
  const mcPath = join(MC_DIR, example.mc);
  const maps = writeTables(dir, example.tables ? join(MC_DIR, example.tables) : null);
  const refMc = join(dir, `ref-${basename(example.mc)}`);
  const oursMc = join(dir, `ours-${basename(example.mc)}`);
  writeFileSync(refMc, mcText(mcPath, dir, DEBIAN_CF), "latin1");
  writeFileSync(oursMc, mcText(mcPath, dir, OUR_CF), "latin1");
  return { refMc, oursMc, maps };
}

export function defines(dir) {
  return { _NO_MAKEINFO_: "", MAIL_SETTINGS_DIR: `${dir}/` };
}

/**
 * Reduce the -bt output for one input line to what has to agree: the last
 * "returns:" line (the result of the top-level call, or of the last of a
 * "3,0"-style list) and every line that is not an "input:"/"returns:" trace
 * line (mailer triples of /parse, "Rcode = ..." of /try, error messages).
 * The names and the order of the rulesets called in between may differ.
 */
export function reduceAnswer(text) {
  let last = null;
  const other = [];
  for (const line of text.split("\n")) {
    const m = /^(\S+)\s+(input|returns):(.*)$/.exec(line);
    if (m) {
      if (m[2] === "returns") last = `${m[1]} returns:${m[3]}`;
    } else if (line.trim() !== "") {
      // "== Ruleset check_rcpt (171) status 75": ruleset numbers are
      // assigned in order of definition and may differ
      other.push(line.replace(/^(== Ruleset \S+) \(\d+\)/, "$1"));
    }
  }
  return last === null ? other.join("\n") : [last, ...other].join("\n");
}

/**
 * Split echo-mode (-v) -bt output into the answer for each input line:
 * { preamble, answers[] }.
 */
export function splitAnswers(stdout, lines) {
  const answers = [];
  let rest = stdout;
  let preamble = "";
  let first = true;
  for (const line of lines) {
    const marker = `> ${line}\n`;
    const i = rest.indexOf(marker);
    if (i < 0) {
      answers.push(null);
      continue;
    }
    if (first) preamble = rest.slice(0, i);
    else answers.push(rest.slice(0, i));
    first = false;
    rest = rest.slice(i + marker.length);
  }
  answers.push(rest);
  return { preamble, answers };
}

/**
 * The declarations of a sendmail.cf that are not rules, one string per
 * statement (continuation lines joined), sorted: options, macros, classes,
 * maps, mailers, headers, precedences, trusted users, the version line.
 * $Z (the library version) is left out.  Two libraries that agree on these
 * agree on everything but the rules, and the rules are compared by running
 * them.
 */
export function declarations(cfText) {
  const stmts = [];
  for (const line of cfText.split("\n")) {
    if (/^[ \t]/.test(line) && stmts.length > 0) {
      stmts[stmts.length - 1] += " " + line.trim();
      continue;
    }
    stmts.push(line);
  }
  return stmts
    .filter((s) => /^[OKCFDTHPMVQXE]/.test(s) && !s.startsWith("DZ"))
    .map((s) => s.replace(/\s+/g, " ").trim())
    .sort();
}
