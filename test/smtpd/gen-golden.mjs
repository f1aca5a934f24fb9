#!/usr/bin/env node
/*
 * gen-golden.mjs - capture real sendmail 8.17's replies for the SMTP session
 * corpus (test/smtpd/sessions/*.txt) and write sessions/NAME.golden.
 *
 *   node test/smtpd/gen-golden.mjs [NAME...]      # needs root (oracle sandbox)
 *
 * Each session runs `sendmail -bs -C fixtures/smtpd.cf` inside the oracle
 * sandbox (see test/oracle/sendmail_oracle.ts), with a private queue
 * directory and -odq so nothing is delivered. The script writes the client
 * side one write at a time and waits until sendmail has been quiet for
 * QUIET_MS before the next write, so that each write reaches sendmail as a
 * separate read (this matters for the pipelining / stuffing checks).
 *
 * Golden format: "S: line" for each line sendmail printed (CRLF stripped;
 * a final line without CRLF is marked "S~ "), "C: text" for each client
 * write (escaped, as in the .txt file). Nothing is normalised here: the test
 * normalises dates, versions and queue ids on both sides.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSession } from "./session_format.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ORACLE = join(HERE, "..", "oracle");
const SESSIONS = join(HERE, "sessions");
const SENDMAIL = "/usr/libexec/sendmail/sendmail";
const QUIET_MS = 120;

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function runSession(name, work) {
  const text = readFileSync(join(SESSIONS, `${name}.txt`), "latin1");
  const session = parseSession(text);
  const cf = join(HERE, "fixtures", session.cf ?? "smtpd.cf");
  const q = mkdtempSync(join(work, "q-"));
  const argv = [SENDMAIL, "-bs", "-odq", `-OQueueDirectory=${q}`, "-OStatusFile=/dev/null", "-OHostStatusDirectory=", ...session.args, "-C", cf];
  const child = spawn("unshare", ["--uts", "--mount", "--net", "--propagation", "private", "--", "/bin/sh", join(ORACLE, "sandbox-inner.sh"), ...argv], {
    env: {
      PATH: "/usr/sbin:/usr/bin:/sbin:/bin",
      LC_ALL: "C",
      TZ: "UTC",
      SM_ORACLE_FILES: join(ORACLE, "sandbox"),
      SM_ORACLE_HOSTNAME: "mx.oracle.test",
      SM_ORACLE_PASSWD: join(work, "passwd"),
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let pending = "";
  let last = Date.now();
  let closed = false;
  const out = [];
  child.stdout.on("data", (b) => {
    pending += b.toString("latin1");
    last = Date.now();
  });
  child.stderr.on("data", (b) => process.stderr.write(`[${name} stderr] ${b}`));
  child.stdin.on("error", () => {});
  const exited = new Promise((r) => child.on("close", (code) => { closed = true; r(code); }));
  const flush = () => {
    const lines = pending.split("\r\n");
    const tail = lines.pop();
    for (const l of lines) out.push(`S: ${l}`);
    pending = tail;
  };
  const settle = async () => {
    for (;;) {
      await sleep(20);
      if (closed || Date.now() - last >= QUIET_MS) break;
    }
    flush();
  };
  await settle();
  for (const w of session.writes) {
    if (closed) break;
    out.push(`C: ${w.source}`);
    if (w.delayMs > 0) await sleep(w.delayMs);
    child.stdin.write(Buffer.from(w.bytes, "latin1"));
    last = Date.now();
    await settle();
  }
  if (!closed) child.stdin.end();
  const code = await Promise.race([exited, sleep(5000).then(() => { child.kill("SIGKILL"); return "killed"; })]);
  flush();
  if (pending.length > 0) out.push(`S~ ${pending}`);
  out.push(`# exit ${code}`);
  rmSync(q, { recursive: true, force: true });
  return out.join("\n") + "\n";
}

const work = mkdtempSync(join(tmpdir(), "smtpd-golden-"));
try {
  const extra = readFileSync(join(ORACLE, "sandbox", "passwd.extra"), "latin1").split("\n").filter((l) => l && !l.startsWith("#"));
  writeFileSync(join(work, "passwd"), readFileSync("/etc/passwd", "latin1").replace(/\n?$/, "\n") + extra.map((l) => l + "\n").join(""));
  const names = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(SESSIONS).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4)).sort();
  for (const name of names) {
    const golden = await runSession(name, work);
    writeFileSync(join(SESSIONS, `${name}.golden`), golden, "latin1");
    process.stdout.write(`${name}: ${golden.split("\n").length - 1} lines\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
