/*
 * differential_test - issue 3's acceptance suite: our `sendmail -bt` must
 * answer every corpus line exactly as the real sendmail 8.17 did.
 *
 * For each configuration (common.mjs: debian, variant, generic) the .mc in
 * fixtures/ is compiled with GNU m4 (or our byte-identical bin/m4) against
 * /usr/share/sendmail/cf, its maps are built with our bin/makemap in a
 * scratch dir, and every corpus fixtures/*.bt naming the configuration is
 * fed to `node bin/sendmail -bt -v [ARGS] -C CF`. Its stdout (scratch dir
 * written back as @MAPDIR@) is split at the "> LINE" echoes and each
 * line's answer is compared byte for byte with the same answer in
 * golden/<config>__<corpus>.out, which only gen-golden.mjs writes (real
 * sendmail in the oracle sandbox). One test per corpus line, plus one for
 * the text before the first echo (banner, cf diagnostics) and one for the
 * exit status.
 *
 * Answers to "$=X" (class contents) are compared exactly too: ours print in
 * sendmail's symbol-table (hash) order.
 *
 * Skips, with a printed reason, while a component is missing: the Debian cf
 * library (/usr/share/sendmail/cf), bin/sendmail (the engine), or
 * bin/makemap (then only the pairs whose configuration has maps).
 *
 * Our sendmail runs with the host name and system files of the oracle
 * sandbox (see OUR_ENV): host name mx.oracle.test, hosts from
 * test/oracle/sandbox/hosts, /etc/passwd plus the sandbox's test users.
 */

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitBtAnswers } from "../oracle/sendmail_oracle.js";
import {
  CONFIGS,
  HERE,
  REPO,
  allCorpora,
  cfLibMissing,
  compileConfig,
  goldenPath,
  installFiles,
  mapSource,
  unlocalize,
} from "./common.mjs";
import { safeScratchBase } from "../safe_scratch.mjs";

/** RULESET_DIFF_SENDMAIL=real-sendmail-shim.mjs checks the harness itself against real sendmail. */
const SENDMAIL = process.env.RULESET_DIFF_SENDMAIL ?? join(REPO, "bin", "sendmail");
const MAKEMAP = join(REPO, "bin", "makemap");
const SANDBOX = join(REPO, "test", "oracle", "sandbox");
const TIMEOUT_MS = 60_000;

interface Corpus {
  name: string;
  file: string;
  configs: string[];
  args: string[];
  lines: string[];
  fileLines: number[];
}

interface Config {
  name: string;
  mc: string;
  maps: { type: string; src: string; db: string }[];
  files: { src: string; dst: string }[];
}

interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** /etc/passwd plus the oracle sandbox's test users, as the sandbox has it. */
function writeSandboxPasswd(dir: string): string {
  let base = existsSync("/etc/passwd") ? readFileSync("/etc/passwd", "latin1") : "";
  if (base.length > 0 && !base.endsWith("\n")) base += "\n";
  const extra = readFileSync(join(SANDBOX, "passwd.extra"), "latin1")
    .split("\n")
    .filter((l) => l.length > 0 && !l.startsWith("#"))
    .map((l) => l + "\n")
    .join("");
  const file = join(dir, "passwd");
  writeFileSync(file, base + extra, "latin1");
  return file;
}

/**
 * The environment of our bin/sendmail: what the oracle sandbox gives the
 * real one. SMTS_HOSTNAME is the engine's host name override; the others
 * name the sandbox's system files for an engine that reads them.
 */
function ourEnv(passwd: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LC_ALL: "C",
    TZ: "UTC",
    SMTS_HOSTNAME: "mx.oracle.test",
    SMTS_HOSTS_FILE: join(SANDBOX, "hosts"),
    SMTS_PASSWD_FILE: passwd,
    SMTS_RESOLV_CONF: join(SANDBOX, "resolv.conf"),
    SMTS_NSSWITCH_CONF: join(SANDBOX, "nsswitch.conf"),
    SMTS_SERVICE_SWITCH: join(SANDBOX, "service.switch"),
    // The sandbox has only the loopback interface.
    SMTS_INTERFACES: "127.0.0.1",
  };
}

function runNode(argv: string[], input: string, env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: REPO, env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString("latin1"),
        stderr: Buffer.concat(err).toString("latin1"),
        status: timedOut ? 124 : (code ?? 1),
      });
    });
    child.stdin.on("error", () => {
      /* the engine may exit without reading all its input */
    });
    child.stdin.end(Buffer.from(input, "latin1"));
  });
}

/**
 * Split echo-mode -bt output at the "> LINE" echoes: [text before the first
 * echo, answer 1, ...]. Like splitBtAnswers of the oracle module, but an
 * echo that is missing only loses its own line (answer undefined; the text
 * stays with the answer before it) instead of every line after it.
 */
function splitAnswers(stdout: string, lines: readonly string[]): (string | undefined)[] {
  const found: { k: number; at: number; end: number }[] = [];
  let pos = 0;
  lines.forEach((line, k) => {
    const marker = `> ${line}\n`;
    let at = stdout.startsWith(marker, pos) && (pos === 0 || stdout[pos - 1] === "\n") ? pos : -1;
    if (at < 0) {
      const i = stdout.indexOf("\n" + marker, pos === 0 ? 0 : pos - 1);
      at = i < 0 ? -1 : i + 1;
    }
    if (at >= 0) {
      found.push({ k, at, end: at + marker.length });
      pos = at + marker.length;
    }
  });
  const parts: (string | undefined)[] = new Array(lines.length + 1).fill(undefined);
  parts[0] = stdout.slice(0, found.length > 0 ? found[0]!.at : stdout.length);
  found.forEach((f, n) => {
    parts[f.k + 1] = stdout.slice(f.end, n + 1 < found.length ? found[n + 1]!.at : stdout.length);
  });
  return parts;
}

/** Answers are compared as they are (the "$=X" ones included: hash order matches). */
function normalize(_line: string, answer: string): string {
  return answer;
}

/** Show a string's invisible characters so a diff of spacing is readable. */
function visible(s: string): string {
  return s.replace(/[\t\r\x00-\x08\x0b-\x1f\x7f-\xff]/g, (c) =>
    c === "\t" ? "\u2192" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

/** A unified-style line diff (LCS) of two answers, numbered by answer line. */
function lineDiff(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  if (a.length * b.length > 4_000_000) {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `(too long for a full diff) first difference at answer line ${i + 1}:\n- ${visible(a[i] ?? "<end>")}\n+ ${visible(b[i] ?? "<end>")}`;
  }
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) lcs.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${String(i + 1).padStart(4)} ${visible(a[i]!)}`);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`- ${String(i + 1).padStart(4)} ${visible(a[i]!)}`);
      i++;
    } else {
      out.push(`+ ${String(j + 1).padStart(4)} ${visible(b[j]!)}`);
      j++;
    }
  }
  // keep the changed lines with 3 lines of context
  const keep = new Set<number>();
  out.forEach((l, k) => {
    if (!l.startsWith("  ")) for (let d = -3; d <= 3; d++) keep.add(k + d);
  });
  const shown: string[] = [];
  let gap = false;
  out.forEach((l, k) => {
    if (keep.has(k)) {
      shown.push(l);
      gap = false;
    } else if (!gap) {
      shown.push("  ...");
      gap = true;
    }
  });
  return shown.join("\n");
}

function report(title: string, expected: string, actual: string | undefined): string {
  if (actual === undefined) {
    return `${title}\nour output has no "> LINE" echo for this line (it ended or diverged before it).\nexpected (real sendmail):\n${visible(expected)}`;
  }
  return `${title}\n("-" real sendmail, "+" ours, numbers are answer lines, \u2192 is a tab)\n${lineDiff(expected, actual)}`;
}

const corpora = allCorpora() as Corpus[];
const configs = CONFIGS as Config[];

const globalSkip =
  cfLibMissing() ?? (existsSync(SENDMAIL) ? null : `${SENDMAIL} does not exist yet (the -bt engine of issue 3)`);
if (globalSkip !== null) console.log(`ruleset_diff: skipped: ${globalSkip}`);
const haveMakemap = existsSync(MAKEMAP);

for (const config of configs) {
  const mine = corpora.filter((c) => c.configs.includes(config.name));
  const skip =
    globalSkip ??
    (config.maps.length > 0 && !haveMakemap ? `bin/makemap does not exist: configuration ${config.name} needs maps` : null);
  if (skip !== null && globalSkip === null) console.log(`ruleset_diff: ${config.name} skipped: ${skip}`);

  describe.skipIf(skip !== null)(`ruleset_diff ${config.name}`, () => {
    let scratch = "";
    let cf = "";
    let env: Record<string, string> = {};

    beforeAll(async () => {
      // Not under /tmp, like the generator: a world-writable directory on a map's path draws warnings.
      scratch = mkdtempSync(join(safeScratchBase(join(HERE, ".scratch")), "test-"));
      env = ourEnv(writeSandboxPasswd(scratch));
      installFiles(config, scratch);
      for (const m of config.maps) {
        const r = await runNode([MAKEMAP, m.type, join(scratch, m.db)], mapSource(m), env);
        if (r.status !== 0) throw new Error(`bin/makemap ${m.type} ${m.db}: status ${r.status}: ${r.stderr}`);
      }
      cf = compileConfig(config, scratch);
    });

    afterAll(() => {
      if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
    });

    for (const corpus of mine) {
      describe(`${corpus.name}.bt`, () => {
        const gold = goldenPath(config.name, corpus.name);
        const goldRc = gold.replace(/\.out$/, ".rc");
        let expected: (string | undefined)[] = [];
        let actual: (string | undefined)[] = [];
        let ours: RunResult = { stdout: "", stderr: "", status: -1 };

        beforeAll(async () => {
          if (!existsSync(gold)) {
            throw new Error(`${gold} missing: run node test/ruleset_diff/gen-golden.mjs (as root)`);
          }
          const input = corpus.lines.map((l) => l + "\n").join("");
          ours = await runNode([SENDMAIL, "-bt", "-v", ...corpus.args, "-C", cf], input, env);
          ours = { ...ours, stdout: unlocalize(ours.stdout, scratch) };
          const golden = readFileSync(gold, "latin1");
          expected = splitAnswers(golden, corpus.lines);
          actual = splitAnswers(ours.stdout, corpus.lines);
          if (splitBtAnswers(golden, corpus.lines).length !== corpus.lines.length + 1 || expected.includes(undefined)) {
            throw new Error(`${gold} does not match ${corpus.file}: regenerate it with gen-golden.mjs`);
          }
        }, TIMEOUT_MS + 5_000);

        it("banner and cf diagnostics (before the first line)", () => {
          const title = `${config.name} ${corpus.name}.bt: output before the first echo${ours.stderr ? `\nour stderr: ${ours.stderr}` : ""}`;
          if (actual[0] !== expected[0]) throw new Error(report(title, expected[0]!, actual[0]));
          expect(actual[0]).toBe(expected[0]);
        });

        corpus.lines.forEach((line, k) => {
          const shown = line.length > 70 ? line.slice(0, 67) + "..." : line;
          it(`#${k + 1} (${corpus.name}.bt:${corpus.fileLines[k]}) ${shown}`, () => {
            const want = normalize(line, expected[k + 1]!);
            const got = actual[k + 1] === undefined ? undefined : normalize(line, actual[k + 1]!);
            if (got !== want) {
              const title = `${config.name} ${corpus.name}.bt line ${corpus.fileLines[k]} (input #${k + 1}): ${visible(line)}`;
              throw new Error(report(title, want, got));
            }
            expect(got).toBe(want);
          });
        });

        it("exit status", () => {
          const want = existsSync(goldRc) ? Number(readFileSync(goldRc, "latin1").trim()) : 0;
          expect(ours.status, `our stderr: ${ours.stderr}`).toBe(want);
        });
      });
    }
  });
}
