import { describe, expect, it } from "vitest";
import { parseMailParams, parseRcptParams, splitPathArgument, xtextOk } from "../../src/smtpd/esmtp_params.js";
import { formatReply } from "../../src/smtpd/reply.js";
import { DataStream } from "../../src/smtpd/data_stream.js";
import { createSmtpServer } from "../../src/smtpd/server.js";
import { AcceptAllPolicy } from "../../src/smtpd/policy.js";
import { MemorySink } from "../../src/smtpd/sink.js";
import { privacyFlags } from "../../src/smtpd/config.js";
import { connect } from "node:net";

/** MAIL argument -> expected reply line ("" = accepted). */
const MAIL_CASES: [string, string][] = [
  ["FROM:<a@b>", ""],
  ["FROM:<a@b> SIZE", "501 5.5.2 SIZE requires a value"],
  ["FROM:<a@b> SIZE=abc", ""],
  ["FROM:<a@b> SIZE=1001", "552 5.2.3 Message size exceeds fixed maximum message size (1000)"],
  ["FROM:<a@b> SIZE=99999999999999999999999", "552 5.2.3 Message size exceeds maximum value"],
  ["FROM:<a@b> BODY=binarymime", "501 5.5.4 Unknown BODY type binarymime"],
  ["FROM:<a@b> RET=x", '501 5.5.2 Bad argument "x" to RET'],
  ["FROM:<a@b> RET=HDRS RET=FULL", "501 5.5.0 Duplicate RET parameter"],
  ["FROM:<a@b> ENVID=a+zz", "501 5.5.4 Syntax error in ENVID parameter value"],
  ["FROM:<a@b> AUTH=<>", ""],
  ["FROM:<a@b> BY=10", "501 5.5.2 BY= missing ';'"],
  ["FROM:<a@b> BY=0;R", "501 5.5.4 mode R requires BY time > 0"],
  ["FROM:<a@b> BY=10;Q", "501 5.5.2 illegal by-mode 'Q'"],
  ["FROM:<a@b> XX=1", "555 5.5.4 XX parameter unrecognized"],
];

describe("MAIL parameters", () => {
  for (const [line, want] of MAIL_CASES) {
    it(`MAIL ${line}`, () => {
      const p = splitPathArgument(line, "FROM");
      expect(p.kind).toBe("ok");
      if (p.kind !== "ok") return;
      const r = parseMailParams(p.params, { dsn: true, maxMessageSize: 1000, dsnState: { retSeen: false, envidSeen: false } });
      expect(r.ok ? "" : formatReply(r.reply).trimEnd()).toBe(want);
    });
  }
  it("ENVID without DSN", () => {
    const r = parseMailParams([{ keyword: "ENVID", value: "x" }], { dsn: false, maxMessageSize: 0, dsnState: { retSeen: false, envidSeen: false } });
    expect(r.ok ? "" : formatReply(r.reply)).toBe("504 5.7.0 Sorry, ENVID not supported, we do not allow DSN\r\n");
  });
});

const RCPT_CASES: [string, string][] = [
  ["TO:<a@b> NOTIFY=SUCCESS,DELAY", ""],
  ["TO:<a@b> NOTIFY=NEVER,DELAY", '501 5.5.4 Bad argument "NEVER"  to NOTIFY'],
  ["TO:<a@b> ORCPT=rfc822;a@b", ""],
  ["TO:<a@b> ORCPT=bad", "501 5.5.4 Syntax error in ORCPT parameter value"],
  ["TO:<a@b> SIZE=1", "555 5.5.4 SIZE parameter unrecognized"],
];

describe("RCPT parameters", () => {
  for (const [line, want] of RCPT_CASES) {
    it(`RCPT ${line}`, () => {
      const p = splitPathArgument(line, "TO");
      if (p.kind !== "ok") throw new Error(p.kind);
      const r = parseRcptParams(p.params, { dsn: true });
      expect(r.ok ? "" : formatReply(r.reply).trimEnd()).toBe(want);
    });
  }
});

describe("path argument", () => {
  const cases: [string, string][] = [
    ["FROM", "syntax:FROM"],
    ["TO:<a@b>", "syntax:TO"],
    ["FROM:", "syntax:FROM"],
    ["FROM:<a@b", "unbalanced:<"],
    ["FROM:a@b>", "unbalanced:>"],
    ["FROM: <a@b> SIZE=1", "ok:a@b"],
    ["from:a@b", "ok:a@b"],
  ];
  for (const [arg, want] of cases) {
    it(`MAIL ${arg}`, () => {
      const p = splitPathArgument(arg, "FROM");
      const got = p.kind === "ok" ? `ok:${p.address}` : p.kind === "syntax" ? `syntax:${p.word}` : p.kind === "unbalanced" ? `unbalanced:${p.char}` : p.kind;
      expect(got).toBe(want);
    });
  }
  it("xtext", () => {
    expect(xtextOk("abc+2Bdef")).toBe(true);
    expect(xtextOk("a+zz")).toBe(false);
    expect(xtextOk("a=b")).toBe(false);
  });
  it("goaway", () => {
    expect([...privacyFlags(["goaway"])]).toContain("noexpn");
    expect([...privacyFlags(["goaway"])]).not.toContain("noetrn");
  });
});

describe("data stream", () => {
  const run = (input: string) => {
    const out: Buffer[] = [];
    const d = new DataStream((b) => out.push(b));
    const ev = d.feed(Buffer.from(input, "latin1"));
    return { ev: ev.kind, text: Buffer.concat(out).toString("latin1"), hops: d.hops, rest: ev.kind === "end" ? ev.rest.toString() : "" };
  };
  it("CRLF.CRLF ends, dots unstuffed, rest kept", () => {
    expect(run("Received: x\r\nA: b\r\n\r\n..x\r\n.\r\nQUIT\r\n")).toEqual({ ev: "end", text: "Received: x\nA: b\n\n.x\n", hops: 1, rest: "QUIT\r\n" });
  });
  it("bare LF / bare CR", () => {
    expect(run("a\nb\r\n").ev).toBe("bareLf");
    expect(run("a\rb\r\n").ev).toBe("bareCr");
    expect(run("a\r").ev).toBe("more");
  });
});

describe("server over TCP (127.0.0.1)", () => {
  it("accepts a message", async () => {
    const sink = new MemorySink();
    const server = createSmtpServer({
      config: {
        hostname: "mx.test", greeting: "mx.test Sendmail 8.17.1.9/8.17.1.9; now", version: "8.17.1.9", privacy: new Set(),
        maxMessageSize: 0, maxRecipients: 0, maxHopCount: 25, timeouts: { command: 5000, datablock: 5000, datafinal: 5000 },
        helpfile: null, authMechanisms: [], starttls: false, queueGroups: [],
      },
      policy: new AcceptAllPolicy(),
      sink,
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    const transcript = await new Promise<string>((resolve) => {
      const sock = connect(port, "127.0.0.1");
      let got = "";
      const steps = ["EHLO c.test\r\n", "MAIL FROM:<a@b>\r\n", "RCPT TO:<c@d>\r\n", "DATA\r\n", "S: x\r\n\r\nhi\r\n.\r\n", "QUIT\r\n"];
      sock.on("data", (b) => {
        got += b.toString("latin1");
        if (/^\d{3} /m.test(got.split("\r\n").slice(-2).join("\n")) && steps.length > 0) sock.write(steps.shift()!);
      });
      sock.on("close", () => resolve(got));
    });
    server.close();
    expect(transcript).toMatch(/^220 mx\.test ESMTP Sendmail/);
    expect(transcript).toContain("250 2.0.0 00AA0000000001 Message accepted for delivery\r\n221 2.0.0 mx.test closing connection\r\n");
    expect(sink.messages[0]!.data.toString()).toBe("S: x\n\nhi\n");
  });
});
