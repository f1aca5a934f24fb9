import { describe, expect, it } from "vitest";
import { ctime, formatMboxEntry, fromLine } from "../../src/deliver/local/mbox.js";

const D = new Date(2026, 10, 5, 3, 58, 19); // local time: Thu Nov  5 03:58:19 2026
const FROM = "From s Thu Nov  5 03:58:19 2026\n";
const fmt = (m: string, o: object = {}): string => formatMboxEntry(m, { sender: "s", date: D, ...o }).toString("latin1");

describe("mbox entry", () => {
  it("writes ctime(3) dates with a space-padded day", () => {
    expect(ctime(D)).toBe("Thu Nov  5 03:58:19 2026");
    expect(fromLine("a@b", new Date(2024, 0, 31, 23, 5, 9))).toBe("From a@b Wed Jan 31 23:05:09 2024\n");
    expect(fromLine("", D)).toBe("From MAILER-DAEMON Thu Nov  5 03:58:19 2026\n");
  });

  it("quotes every From_ line, turns CRLF into LF, ends with a blank line", () => {
    expect(fmt("From x\r\nSubject: a\r\n\r\nFrom here\r\n>From there\r\nFromage\r\nx\ry")).toBe(
      FROM + ">From x\nSubject: a\n\n>From here\n>From there\nFromage\nx\ry\n\n",
    );
  });

  it("puts Return-Path first and drops the message's own", () => {
    expect(fmt("Return-Path: <old>\n\tcont\nSubject: a\n\nb\n", { returnPath: true, sender: "a@b" })).toBe(
      "From a@b Thu Nov  5 03:58:19 2026\nReturn-Path: <a@b>\nSubject: a\n\nb\n\n",
    );
    expect(fmt("Subject: a\n\nb\n", { returnPath: true, sender: "" })).toBe(
      "From MAILER-DAEMON Thu Nov  5 03:58:19 2026\nReturn-Path: <>\nSubject: a\n\nb\n\n",
    );
  });

  it("passes 8-bit bytes through", () => {
    const b = formatMboxEntry(Buffer.from([0x53, 0x3a, 0x20, 0xe9, 0x0a, 0x0a, 0xff, 0x0a]), { sender: "s", date: D });
    expect(b.subarray(FROM.length)).toEqual(Buffer.from([0x53, 0x3a, 0x20, 0xe9, 0x0a, 0x0a, 0xff, 0x0a, 0x0a]));
  });

  // expected bytes as Debian's /usr/libexec/sendmail/mail.local wrote them (oracle_test.ts re-checks live)
  it("Content-Length style matches Debian mail.local", () => {
    const cl = { contentLength: true };
    expect(fmt("Subject: hi\nFrom: a@b\n\nFrom the start\n>From x\nline\n", cl)).toBe(
      FROM + "Subject: hi\nFrom: a@b\nContent-Length: 28\n\nFrom the start\n>From x\nline\n\n",
    );
    expect(fmt("X: 1\ncontent-length: 5\n\tcont\nCONTENT-LENGTH:7\nReturn-Path: <zz>\n\nb\n", cl)).toBe(
      FROM + "X: 1\n\tcont\nReturn-Path: <zz>\nContent-Length: 2\n\nb\n\n",
    );
    expect(fmt("From someone Mon Jan 1 00:00:00 2024\nSubject: f\n\nx\n\n\n", cl)).toBe(
      FROM + ">From someone Mon Jan 1 00:00:00 2024\nSubject: f\nContent-Length: 4\n\nx\n\n\n\n",
    );
    expect(fmt("no header at all\nFrom x\n", cl)).toBe(FROM + "no header at all\nFrom x\nContent-Length: 0\n\n");
    expect(fmt("", cl)).toBe(FROM + "\nContent-Length: 0\n\n");
    expect(fmt("Subject: x\n\nab\rc\r\n\r\n", cl)).toBe(FROM + "Subject: x\nContent-Length: 6\n\nab\rc\n\n\n");
  });
});
