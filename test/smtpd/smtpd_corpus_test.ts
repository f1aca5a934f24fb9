/*
 * The session corpus: each test/smtpd/sessions/NAME.txt is played against
 * our Session (no network: one feed() per client write) and the server's
 * lines are compared with NAME.golden, captured from real sendmail 8.17 by
 * gen-golden.mjs (`sendmail -bs`). Only the sequence of server lines is
 * compared (sendmail's anti-attack sleeps can shift replies relative to
 * the client writes); dates and queue ids are normalised.
 *
 * The client is described as sendmail -bs names it inside the oracle
 * sandbox: "localhost [[UNIX: localhost]]", relay "localhost".
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCf } from "../../src/cf/index.js";
import { fromCf, privacyFlags, type SmtpdConfig } from "../../src/smtpd/config.js";
import type { Policy } from "../../src/smtpd/policy.js";
import { reply } from "../../src/smtpd/reply.js";
import { Session } from "../../src/smtpd/session.js";
import { MemorySink } from "../../src/smtpd/sink.js";
// @ts-expect-error plain JS shared with gen-golden.mjs
import { parseSession } from "./session_format.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const SESSIONS = join(HERE, "sessions");
const HELPFILE = "/etc/mail/helpfile";

/** The sandbox's passwd users as sendmail's VRFY/EXPN show them. */
const USERS: Record<string, string> = { user1: "Test User One", user2: "Test User Two" };

function lookup(arg: string) {
  const a = arg.replace(/^<(.*)>$/, "$1");
  const local = a.split("@")[0]!;
  const full = USERS[local];
  if (full === undefined) return reply(550, "5.1.1", `${arg}... User unknown`);
  return reply(250, "2.1.5", `${full} <${local}@mx.oracle.test>`);
}

const testPolicy: Policy = {
  checkRelay: () => null,
  checkMail: () => null,
  checkRcpt: () => null,
  checkData: () => null,
  vrfy: (a) => lookup(a),
  expn: (a) => lookup(a),
};

function configFor(args: readonly string[]): SmtpdConfig {
  const model = loadCf(join(HERE, "fixtures", "smtpd.cf"));
  let c: SmtpdConfig = fromCf(model, {
    hostname: "mx.oracle.test",
    greeting: "mx.oracle.test Sendmail 8.17.1.9/8.17.1.9; DATE",
    helpfile: existsSync(HELPFILE) ? readFileSync(HELPFILE, "latin1") : null,
    authMechanisms: ["DIGEST-MD5", "CRAM-MD5"],
  });
  for (const a of args) {
    const m = /^-O([^=]+)=(.*)$/.exec(a);
    if (m === null) throw new Error(`unsupported arg ${a}`);
    const [, name, value] = m as unknown as [string, string, string];
    if (name === "PrivacyOptions") c = { ...c, privacy: privacyFlags(value.split(/[ ,]+/)) };
    else if (name.startsWith("Timeout.")) {
      const secs = Number(/^(\d+)s$/.exec(value)![1]);
      c = { ...c, timeouts: { ...c.timeouts, [name.slice(8)]: secs * 1000 } };
    } else throw new Error(`unsupported option ${name}`);
  }
  return c;
}

function normalise(lines: readonly string[]): string[] {
  return lines.map((l) =>
    l
      .replace(/^(S: 220 .*); .*$/, "$1; DATE")
      .replace(/^S: 250 2\.0\.0 [0-9A-Za-z]{14} Message accepted/, "S: 250 2.0.0 QUEUEID Message accepted"),
  );
}

const tick = () => new Promise((r) => setTimeout(r, 5));

async function play(name: string): Promise<string[]> {
  const session = parseSession(readFileSync(join(SESSIONS, `${name}.txt`), "latin1")) as {
    args: string[];
    writes: { bytes: string; delayMs: number }[];
  };
  let out = "";
  let closed = false;
  const s = new Session(
    configFor(session.args),
    testPolicy,
    new MemorySink(),
    { address: null, port: null, name: "localhost", display: "localhost [[UNIX: localhost]]", relayName: "localhost" },
    { send: (t) => (out += t), close: () => (closed = true) },
  );
  await s.start();
  for (const w of session.writes) {
    if (closed) break;
    if (w.delayMs > 0) await new Promise((r) => setTimeout(r, w.delayMs));
    if (closed) break;
    s.feed(Buffer.from(w.bytes, "latin1"));
    for (let i = 0; i < 4; i++) await tick();
  }
  if (!closed) s.end();
  for (let i = 0; i < 4; i++) await tick();
  const lines = out.split("\r\n");
  const tail = lines.pop()!;
  const result = lines.map((l) => `S: ${l}`);
  if (tail !== "") result.push(`S~ ${tail}`);
  return normalise(result);
}

const names = readdirSync(SESSIONS)
  .filter((f) => f.endsWith(".golden"))
  .map((f) => f.slice(0, -7))
  .sort();

describe("SMTP sessions against real sendmail's replies", () => {
  for (const name of names) {
    const needsHelp = /^S: 214/m.test(readFileSync(join(SESSIONS, `${name}.golden`), "latin1"));
    it.skipIf(needsHelp && !existsSync(HELPFILE))(name, async () => {
      const golden = readFileSync(join(SESSIONS, `${name}.golden`), "latin1")
        .split("\n")
        .filter((l) => l.startsWith("S: ") || l.startsWith("S~ "));
      expect(await play(name)).toEqual(normalise(golden));
    });
  }
});
