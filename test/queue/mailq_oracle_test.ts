/*
 * Interop with real sendmail 8.17 (in the oracle sandbox):
 *  - a queue written by real sendmail (-odq) is listed by our mailq exactly
 *    as by real mailq (plain, -v, -qR/-qS/-qI filters), and every real qf
 *    file survives parseQf -> serializeQf byte for byte;
 *  - a queue written by our store is listed by real mailq exactly as by ours;
 *  - a job locked by our FlockLocker is shown locked ("*") by real mailq.
 */
process.env.TZ = "UTC";

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileMc, oracleAvailable, runInSandbox, SENDMAIL_BIN } from "../oracle/sendmail_oracle.js";
import { mailqMain } from "../../src/queue/mailq_main.js";
import { parseQf, serializeQf, newEnvelope } from "../../src/queue/qf_format.js";
import { FsQueueStore } from "../../src/queue/store_fs.js";
import { FlockLocker } from "../../src/queue/lock.js";
import { QueueIdGenerator } from "../../src/queue/queue_id.js";

const avail = oracleAvailable();
if (!avail.ok) console.log(`skipping queue oracle tests: ${avail.reason}`);
const MAILQ_BIN = "/usr/libexec/sendmail/mailq";

function mc(queueDir: string): string {
  return [
    "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl",
    "OSTYPE(`linux')dnl",
    `define(\`QUEUE_DIR', \`${queueDir}')dnl`,
    "define(`confDELIVERY_MODE', `queueonly')dnl",
    "define(`confQUEUE_FILE_MODE', `0640')dnl",
    "define(`confREFUSE_LA', `0')dnl",
    "define(`confQUEUE_LA', `100')dnl",
    "FEATURE(`accept_unresolvable_domains')dnl",
    "MAILER(`local')dnl",
    "MAILER(`smtp')dnl",
    "",
  ].join("\n");
}

async function ours(args: string[]): Promise<string> {
  let out = "";
  let err = "";
  const status = await mailqMain(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  expect(err).toBe("");
  expect(status).toBe(0);
  return out;
}

async function real(args: string[]): Promise<string> {
  const r = await runInSandbox([MAILQ_BIN, ...args]);
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(!avail.ok)("queue interop with real sendmail 8.17", () => {
  let work: string;
  let realCf: string;
  let oursCf: string;
  let realQ: string;
  let oursQ: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "queue-oracle-"));
    realQ = join(work, "realq");
    oursQ = join(work, "oursq");
    mkdirSync(realQ);
    mkdirSync(oursQ);
    for (const [q, name] of [
      [realQ, "real"],
      [oursQ, "ours"],
    ] as const) {
      writeFileSync(join(work, `${name}.mc`), mc(q));
      const r = await compileMc(join(work, `${name}.mc`), join(work, `${name}.cf`), { noMakeInfo: true });
      expect(r.status).toBe(0);
    }
    realCf = join(work, "real.cf");
    oursCf = join(work, "ours.cf");
    // queue messages with real sendmail: 1..4 recipients and growing bodies give distinct priorities
    const script: string[] = [];
    const rcpts = ["user1", "bob@example.org", "Carol.Long.Name.That.Goes.On.And.On.For.Ever@very.long.example.net", "user2"];
    for (let i = 0; i < 6; i++) {
      const msg = join(work, `m${i}`);
      writeFileSync(
        msg,
        `Subject: test ${i}\nFrom: Sender ${i} <s${i}@example.com>\n\n` + "body line\n".repeat(i * 7 + 1),
      );
      const to = rcpts.slice(0, (i % 4) + 1).join(" ");
      const from = i === 3 ? "a.very.long.sender.address.that.is.wider.than.the.column@example.com" : `s${i}@example.com`;
      script.push(`${SENDMAIL_BIN} -odq -C ${realCf} -f ${from} ${to} < ${msg}`);
    }
    const r = await runInSandbox(["/bin/sh", "-c", script.join(" && ")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);

    // our writer: a few messages with the features mailq shows
    const store = new FsQueueStore(oursQ, { fileMode: 0o640, locker: new FlockLocker("/usr/bin/flock") });
    const t0 = Math.floor(Date.now() / 1000) - 3600;
    const specs = [
      { sender: "alice@example.com", rcpts: ["user1", "bob@example.org"], status: undefined, body: 10, flags: "s" },
      {
        sender: "<carol@example.net>",
        rcpts: ["<user2>", "<x\\y\xe9z@example.com>"],
        status: "Deferred: Connection refused by mx.example.com.",
        body: 4000,
        flags: "8w",
        bodyType: "8BITMIME",
      },
      { sender: "MAILER-DAEMON", rcpts: ["postmaster"], status: "Host unknown (Name server: example.org: host not found)", body: 123, flags: "r" },
      {
        sender: "<very.long.sender.address.exceeding.the.column.width.of.mailq.output@example.com>",
        rcpts: ["<another.very.long.recipient.address.exceeding.the.width@example.com>"],
        status: undefined,
        body: 77,
        flags: "",
        controller: "jerry:2003:2003:jerry",
      },
    ];
    let k = 0;
    for (const s of specs) {
      const m = await store.begin();
      await m.write("x".repeat(s.body - 1) + "\n");
      await m.commit(
        newEnvelope({
          createdAt: t0 + k * 60,
          priority: 30000 * (k + 1) + s.body,
          attempts: s.status === undefined ? 0 : 1,
          lastAttempt: s.status === undefined ? 0 : t0 + k * 60 + 5,
          flags: s.flags,
          ...(s.status !== undefined ? { status: s.status } : {}),
          ...(s.bodyType !== undefined ? { bodyType: s.bodyType } : {}),
          macros: [
            { name: "_", value: "root@localhost" },
            { name: "daemon_flags", value: "c u" },
          ],
          sender: s.sender,
          recipients: s.rcpts.map((a, i) => ({
            flags: "PFD",
            address: a,
            finalRecipient: `RFC822; ${a.replace(/[<>]/g, "")}`,
            ...(i === 0 && s.controller !== undefined ? { controller: s.controller } : {}),
          })),
          headers: [
            { condition: "P", name: "Return-Path", value: " <\x81g>" },
            { condition: "", name: "Subject", value: ` message ${k}` },
          ],
        }),
      );
      k++;
    }
  });

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it("lists a queue written by real sendmail exactly like real mailq", async () => {
    expect(readdirSync(realQ).filter((n) => n.startsWith("qf"))).toHaveLength(6);
    for (const args of [[], ["-v"], ["-qRexample.org"], ["-qSS3@"], ["-qRuser2", "-qRbob"], ["-qR!user1"]]) {
      const want = await real([...args, "-C", realCf]);
      expect(await ours([...args, "-C", realCf]), `mailq ${args.join(" ")}`).toBe(want);
    }
    const wantP = (await runInSandbox([SENDMAIL_BIN, "-bp", "-C", realCf])).stdout;
    expect(await ours(["-bp", "-C", realCf])).toBe(wantP);
  });

  it("reads and rewrites every real qf file byte for byte", () => {
    for (const n of readdirSync(realQ).filter((x) => x.startsWith("qf"))) {
      const text = readFileSync(join(realQ, n), "latin1");
      const env = parseQf(text);
      expect(env.version).toBe(8);
      expect(env.recipients.length).toBeGreaterThan(0);
      expect(serializeQf(env)).toBe(text);
    }
  });

  it("real mailq lists a queue written by our store exactly like our mailq", async () => {
    for (const args of [[], ["-v"], ["-qRuser2"]]) {
      const want = await real([...args, "-C", oursCf]);
      if (args.length === 0) expect(want).toContain("(4 requests)");
      expect(await ours([...args, "-C", oursCf]), `mailq ${args.join(" ")}`).toBe(want);
    }
  });

  it("real mailq sees our flock lock; our mailq sees it too", async () => {
    const id = readdirSync(oursQ).find((n) => n.startsWith("qf"))!.slice(2);
    const store = new FsQueueStore(oursQ, { fileMode: 0o640, locker: new FlockLocker("/usr/bin/flock"), ids: new QueueIdGenerator() });
    const job = await store.claim(id);
    expect(job).not.toBeNull();
    try {
      expect(await store.claim(id)).toBeNull();
      const want = await real(["-C", oursCf]);
      expect(want).toContain(`${id}*`);
      expect(await ours(["-C", oursCf])).toBe(want);
    } finally {
      await job!.release();
    }
    expect(await real(["-C", oursCf])).not.toContain(`${id}*`);
  });
});
