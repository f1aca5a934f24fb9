/*
 * harness.mjs - building sendmail.cf files from the mc/ examples, with our
 * m4 and our cf/ library and (for comparison) with GNU m4 and Debian's
 * sendmail-cf, and reducing `sendmail -bt` output to what must agree.
 *
 * Plain JavaScript so that both the vitest suites and the benchmark script
 * (test/cf_lib/bench.mjs, run with plain node) can use it.  Running the real
 * sendmail is left to test/oracle/sendmail_oracle.ts.
 */

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { safeScratchBase } from "../safe_scratch.mjs";

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
  const base = safeScratchBase(join(ROOT, "test", "cf_lib", ".scratch"));
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

/* ------------------------------------------------------------------ */
/* Our own engine: bin/sendmail -bt (issue 3) and bin/makemap.         */
/* ------------------------------------------------------------------ */

export const OUR_SENDMAIL = join(ROOT, "bin", "sendmail");
export const OUR_SENDMAIL_JS = join(ROOT, "dist", "cli", "sendmail.js");
export const OUR_MAKEMAP = join(ROOT, "bin", "makemap");
export const OUR_MAKEMAP_JS = join(ROOT, "dist", "cli", "makemap.js");
export const SANDBOX = join(ROOT, "test", "oracle", "sandbox");

/** Why our -bt engine cannot run here, or null. */
export function ourEngineMissing() {
  if (!existsSync(OUR_SENDMAIL)) return `${OUR_SENDMAIL} does not exist (the -bt engine of issue 3)`;
  if (!existsSync(OUR_SENDMAIL_JS)) return `${OUR_SENDMAIL_JS} not built (npx tsc -p tsconfig.json)`;
  return null;
}

/** Is our makemap there (bin/makemap and its dist/ module)? */
export function ourMakemapAvailable() {
  return existsSync(OUR_MAKEMAP) && existsSync(OUR_MAKEMAP_JS);
}

/**
 * The environment our bin/sendmail gets: what the oracle sandbox gives the
 * real one (host name mx.oracle.test, the sandbox's hosts file and service
 * switch, /etc/passwd plus its test users, only the loopback interface).
 * The passwd file is written into dir.  Same as ruleset_diff's ourEnv().
 */
export function ourEngineEnv(dir) {
  let base = existsSync("/etc/passwd") ? readFileSync("/etc/passwd", "latin1") : "";
  if (base.length > 0 && !base.endsWith("\n")) base += "\n";
  const extra = readFileSync(join(SANDBOX, "passwd.extra"), "latin1")
    .split("\n")
    .filter((l) => l.length > 0 && !l.startsWith("#"))
    .map((l) => l + "\n")
    .join("");
  const passwd = join(dir, "passwd.sandbox");
  writeFileSync(passwd, base + extra, { encoding: "latin1", mode: 0o644 });
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
    SMTS_INTERFACES: "127.0.0.1",
  };
}

/**
 * Run a node script (bin/sendmail, bin/makemap) asynchronously with the
 * given stdin.  Resolves { stdout, stderr, status, ms } (latin1; status 124
 * when killed by the timeout).
 */
export function runNodeScript(script, args, input, env, timeoutMs = 120_000) {
  return new Promise((resolvePromise, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (b) => out.push(b));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({
        stdout: Buffer.concat(out).toString("latin1"),
        stderr: Buffer.concat(err).toString("latin1"),
        status: timedOut ? 124 : (code ?? 1),
        ms: Number(process.hrtime.bigint() - t0) / 1e6,
      });
    });
    child.stdin.on("error", () => {
      /* the engine may exit without reading all of its input */
    });
    child.stdin.end(Buffer.from(input, "latin1"));
  });
}

/** Our `bin/sendmail -bt -v -C cf` with the corpus lines on stdin. */
export function runOurBt(cf, lines, env, timeoutMs = 120_000) {
  return runNodeScript(OUR_SENDMAIL, ["-bt", "-v", "-C", cf], lines.map((l) => l + "\n").join(""), env, timeoutMs);
}

/** Our `bin/makemap TYPE db < text`. */
export function runOurMakemap(type, db, text, env) {
  return runNodeScript(OUR_MAKEMAP, [type, db], text, env);
}

/**
 * Split echo-mode -bt output at the "> LINE" echoes, robustly: returns
 * { preamble, answers[] } with answers[i] undefined when line i has no
 * echo (its text then stays with the answer before it), so one missing
 * echo does not shift every later answer.
 */
export function splitEchoed(stdout, lines) {
  const found = [];
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
  const answers = new Array(lines.length).fill(undefined);
  const preamble = stdout.slice(0, found.length > 0 ? found[0].at : stdout.length);
  found.forEach((f, n) => {
    answers[f.k] = stdout.slice(f.end, n + 1 < found.length ? found[n + 1].at : stdout.length);
  });
  return { preamble, answers };
}
