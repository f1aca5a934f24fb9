import { describe, expect, it } from "vitest";
import { newEnvelope, parseQf, QfParseError, serializeQf } from "../../src/queue/qf_format.js";

// control files as written by real sendmail 8.17 (oracle sandbox), \x81 is the macro octet
const REAL = [
  [
    "V8", "T1795578270", "K1795578275", "N1", "P180051", "I254/0/2147415", "B8BITMIME",
    "MHost unknown (Name server: example.org: host not found)", "F8bdns", "$_root@localhost", "$rESMTP",
    "$sclient.example", "${daemon_flags}c u", "S<carol@example.net>", "Zenv123", "rRFC822; user2@mx.oracle.test",
    "RPN:<user2>", "Qrfc822;dave@orig.example", "rRFC822; dave@example.org", "RPNSF:<dave@example.org>",
    "H?P?Return-Path: <\x81g>", "H??Received: from client.example (root@localhost)",
    "\tby mx.oracle.test (8.17.1.9/8.17.1.9) with ESMTP id 6AP3iUMM019932;", "\tWed, 25 Nov 2026 03:44:30 GMT",
    "H?D?Date: Wed, 25 Nov 2026 03:44:30 GMT", "H??Subject: smtp test", ".",
  ],
  ["V8", "T1795578221", "K0", "N0", "P60058", "Fs", "$_root@localhost", "Salice@example.com", "Aalice@example.com",
    "rRFC822; user1@mx.oracle.test", "RPFD:user1", "H??From: Alice <alice@example.com>", "."],
].map((l) => l.join("\n") + "\n");

describe("parseQf", () => {
  it("reads every record of a real control file", () => {
    const e = parseQf(REAL[0]!);
    expect(e).toMatchObject({
      version: 8, createdAt: 1795578270, lastAttempt: 1795578275, attempts: 1, priority: 180051,
      inode: "254/0/2147415", bodyType: "8BITMIME", flags: "8bdns", sender: "<carol@example.net>", envid: "env123",
      status: "Host unknown (Name server: example.org: host not found)",
    });
    expect(e.macros).toEqual([
      { name: "_", value: "root@localhost" }, { name: "r", value: "ESMTP" },
      { name: "s", value: "client.example" }, { name: "daemon_flags", value: "c u" },
    ]);
    expect(e.recipients).toEqual([
      { flags: "PN", address: "<user2>", finalRecipient: "RFC822; user2@mx.oracle.test" },
      { flags: "PNSF", address: "<dave@example.org>", orcpt: "rfc822;dave@orig.example", finalRecipient: "RFC822; dave@example.org" },
    ]);
    expect(e.headers[1]).toEqual({
      condition: "", name: "Received",
      value: " from client.example (root@localhost)\n\tby mx.oracle.test (8.17.1.9/8.17.1.9) with ESMTP id 6AP3iUMM019932;\n\tWed, 25 Nov 2026 03:44:30 GMT",
    });
    expect(e.headers[0]!.condition).toBe("P");
    expect(e.unknown).toEqual([]);
  });

  it.each(REAL.map((t, i) => [i, t] as const))("round-trips real file %i byte for byte", (_i, text) => {
    expect(serializeQf(parseQf(text))).toBe(text);
  });

  it("keeps unknown records in place", () => {
    const text = "V8\nT1\nK0\nN0\nP1\nXfuture record\n\tcontinued\nFs\nSa@b\nRPF:c@d\n~after rcpt\nH??Subject: x\n.\n";
    const e = parseQf(text);
    expect(e.unknown).toEqual([
      { after: "P", text: "Xfuture record\n\tcontinued" },
      { after: "R", text: "~after rcpt" },
    ]);
    expect(serializeQf(e)).toBe(text);
  });

  it("reads version 0 recipients without flags", () => {
    expect(parseQf("T1\nSa\nRb:c@d\n.\n").recipients[0]).toEqual({ flags: "", address: "b:c@d" });
  });

  it("rejects a file without the terminator", () => {
    expect(() => parseQf("V8\nT1\n")).toThrow(QfParseError);
    expect(parseQf("V8\nT1\n", { requireTerminator: false }).createdAt).toBe(1);
  });

  it("writes a new envelope in sendmail's record order", () => {
    const e = newEnvelope({
      createdAt: 100, priority: 30100, flags: "s", sender: "a@b", auth: "a@b", controller: undefined,
      recipients: [{ flags: "PFD", address: "c@d", controller: "u:1:1:u", finalRecipient: "RFC822; c@d" }],
      headers: [{ condition: null, name: "X", value: " y" }],
      macros: [{ name: "_", value: "u@h" }],
    } as never);
    expect(serializeQf(e)).toBe("V8\nT100\nK0\nN0\nP30100\nFs\n$_u@h\nSa@b\nAa@b\nCu:1:1:u\nrRFC822; c@d\nRPFD:c@d\nHX: y\n.\n");
  });
});
