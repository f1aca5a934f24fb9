import { describe, expect, it } from "vitest";
import { renderMailer, renderMailers } from "../../src/cf/index.js";
import { cf, errs, LOCAL_MAILER } from "./helpers.js";

function mailer(line: string, extra = "") {
  const m = cf(`V10/Berkeley\n${extra}${LOCAL_MAILER}${line}\n`);
  return { model: m, m: m.mailers.find((x) => x.line === (extra.split("\n").length + 2)), errors: errs(m) };
}

describe("M lines", () => {
  it("predefine prog, *file* and *include* at indexes 0-2", () => {
    const m = cf(`V10/Berkeley\n${LOCAL_MAILER}`);
    expect(m.mailers.map((x) => [x.index, x.name, x.builtin])).toEqual([
      [0, "prog", true],
      [1, "*file*", true],
      [2, "*include*", true],
      [3, "local", false],
    ]);
    expect(renderMailers(m)).toBe(
      "mailer 0 (prog): P=/bin/sh S=0/0 R=0/0 M=0 U=-1:-1 F=9Dloqsu L=0 E=\\n T=X-Unix/X-Unix/X-Unix r=100 A=sh -c $u\n" +
        "mailer 1 (*file*): P=[FILE] S=0/0 R=0/0 M=0 U=-1:-1 F=9DEFMPloqsu L=0 E=\\n T=X-Unix/X-Unix/X-Unix r=100 A=FILE $u\n" +
        "mailer 2 (*include*): P=/dev/null S=0/0 R=0/0 M=0 U=-1:-1 F=su L=0 E=\\n T=<undefined>/<undefined>/<undefined> r=100 A=INCLUDE $u\n" +
        "mailer 3 (local): P=/bin/true S=0/0 R=0/0 M=0 U=-1:-1 F=DFMls L=0 E=\\n T=<undefined>/<undefined>/<undefined> r=100 A=true $u\n",
    );
  });

  it("parses every field", () => {
    const { m, errors, model } = mailer(
      "Mfoo, P=/usr/bin/x, F=mDFMuX8, S=EnvFrom/HdrFrom, R=EnvTo, E=\\r\\n, L=990, M=10000, m=5, r=20, N=3, " +
        "D=$z:/, U=mail:mail, C=iso-8859-1, T=DNS/RFC822/SMTP, W=2m, Q=mqueue, /=/var/chroot, A=x -f $g $u",
      "SEnvFrom\nSHdrFrom\nSEnvTo\n",
    );
    expect(errors).toEqual([]);
    expect(m).toMatchObject({
      name: "foo",
      path: "/usr/bin/x",
      flags: "8DFMXmu",
      eol: "\r\n",
      lineLimit: 990,
      maxMessageSize: 10000,
      maxMessages: 5,
      maxRecipients: 20,
      nice: 3,
      directory: "\x81z:/",
      uid: 8,
      gid: 8,
      charset: "iso-8859-1",
      mtaType: "DNS",
      addrType: "RFC822",
      diagType: "SMTP",
      wait: 120,
      queueGroup: "mqueue",
      rootDirectory: "/var/chroot",
      argv: ["x", "-f", "\x81g", "\x81u"],
    });
    const n = (name: string) => model.rulesetNumbers.get(name);
    expect(m!.senderRuleset).toEqual({ envelope: n("EnvFrom"), header: n("HdrFrom") });
    expect(m!.recipientRuleset).toEqual({ envelope: n("EnvTo"), header: n("EnvTo") });
    expect(renderMailer(m!, model)).toBe(
      "mailer 4 (foo): P=/usr/bin/x S=EnvFrom/HdrFrom R=EnvTo/EnvTo M=10000 U=8:8 F=8DFMXmu L=990 E=\\r\\n C=iso-8859-1 T=DNS/RFC822/SMTP r=20 A=x -f $g $u",
    );
  });

  const defaults: [string, Record<string, unknown>][] = [
    ["Ma, P=/bin/x, A=x $u", { eol: "\n", maxRecipients: 100, mtaType: null, uid: -1, gid: -1 }],
    ["Ma, P=/bin/x, A=x", { eol: "\r\n" }],
    ["Ma, P=[IPC], A=TCP $h", { mtaType: "dns", addrType: "rfc822", diagType: "smtp" }],
    ["Ma, P=[IPC], A=FILE /var/run/sock", { diagType: "x-unix" }],
    ["Ma, P=/bin/x, F=L, A=x", { lineLimit: 990, flags: "L" }],
    ["Ma, P=/bin/x, T=a, A=x", { mtaType: "a", addrType: "rfc822", diagType: "smtp" }],
    ["Ma, P=/bin/x, T=/b/c/d, A=x", { mtaType: "dns", addrType: "b", diagType: "c/d" }],
    ["Ma, P=/bin/x, U=2001:50, A=x", { uid: 2001, gid: 50 }],
    ["Ma, P=/bin/x, U=user1, A=x", { uid: 2001, gid: 2001 }],
    ["Ma, P=/bin/x, U=0x10:010, A=x", { uid: 16, gid: 8 }],
    ['Ma, P="/bin/x,y", A="a b" c\\,d', { path: "/bin/x,y", argv: ["a", "b", "c,d"] }],
    ["Ma, P=/bin/x, r=0, M=abc, L=-5, A=x", { maxRecipients: 100, maxMessageSize: 0, lineLimit: 0 }],
    ["Ma P=/bin/x, A=x", { path: "/bin/x" }],
  ];
  for (const [line, want] of defaults) {
    it(line, () => {
      const { m, errors } = mailer(line);
      expect(errors).toEqual([]);
      expect(m).toMatchObject(want);
    });
  }

  it("redefining a mailer keeps its index (names are case-insensitive)", () => {
    const m = cf(`V10/Berkeley\n${LOCAL_MAILER}MPROG, P=/bin/bash, A=bash -c $u\nMLocal, P=/bin/false, A=false $u\n`);
    expect(m.mailers.map((x) => [x.index, x.name, x.path])).toEqual([
      [0, "PROG", "/bin/bash"],
      [1, "*file*", "[FILE]"],
      [2, "*include*", "/dev/null"],
      [3, "Local", "/bin/false"],
    ]);
  });

  it("applies main()'s adjustments for old config levels", () => {
    const m = cf(`V5\n${LOCAL_MAILER}`);
    expect(m.mailers.find((x) => x.name === "local")!.flags).toBe("/5:@ADFMlqsw|");
    expect(m.mailers.find((x) => x.name === "prog")!.flags).toBe("9Dloqsu");
  });

  const errors: [string, string[]][] = [
    ["M, P=/bin/x, A=x", ["test.cf: line 3: name required for mailer"]],
    ["Ma, P=/bin/x", ["test.cf: line 3: Ma: A= argument required"]],
    ["Ma, A=x", ["test.cf: line 3: Ma: P= argument required"]],
    ["Ma, P=/bin/x, A=x,", ["test.cf: line 3: mailer a: `=' expected"]],
    ["Ma, P=/bin/x, Z=1, A=x", ["test.cf: line 3: Ma: unknown mailer equate Z="]],
    ["Ma, P=/bin/x, E=, A=x", ["test.cf: line 3: mailer a: null end-of-line string"]],
    ["Ma, P=/bin/x, D=, A=x", ["test.cf: line 3: mailer a: null working directory"]],
    ["Ma, P=/bin/x, C=, A=x", ["test.cf: line 3: mailer a: null charset"]],
    ["Ma, P=/bin/x, Q=, A=x", ["test.cf: line 3: mailer a: null queue"]],
    ["Ma, P=/bin/x, Q=nosuch, A=x", ["test.cf: line 3: mailer a: unknown queue nosuch"]],
    ["Ma, P=/bin/x, /=, A=x", ["test.cf: line 3: mailer a: null root directory"]],
    ["Ma, P=/bin/x, U=nobody9, A=x", ["test.cf: line 3: readcf: mailer U= flag: unknown user nobody9"]],
    ["Ma, P=/bin/x, U=:5, A=x", ["test.cf: line 3: mailer a: null user name"]],
    ["Ma, P=/bin/x, U=mail:nogroup, A=x", ["test.cf: line 3: readcf: mailer U= flag: unknown group nogroup"]],
    ["Ma, P=/bin/x, S=bad-, A=x", []],
    ["Ma, P=/bin/x, S=-1, A=x", ['test.cf: line 3: invalid ruleset name: "-1"']],
    ["Ma, P=/bin/x, R=200, A=x", ["test.cf: line 3: bad ruleset 200 (100 max)"]],
    ["Ma, P=[TCP], A=x", ["test.cf: line 3: Ma: P=[TCP] must be replaced by P=[IPC]"]],
    ["Ma, P=[IPC], A=TCP", ["test.cf: line 3: Ma: too few parameters for [IPC] mailer"]],
    ["Ma, P=[IPC], A=XYZ $h", ["Ma: Warning: first argument in [IPC] mailer must be TCP or FILE"]],
    ["Ma, P=[FILE], A=FILE", ["test.cf: line 3: Ma: too few parameters for [FILE] mailer"]],
    ["Ma, P=[FILE], A=FILE $u x", ["test.cf: line 3: Ma: too many parameters for [FILE] mailer"]],
    ["Ma, P=[FILE], A=X $u", ["test.cf: line 3: Ma: first argument in [FILE] mailer must be FILE"]],
  ];
  for (const [line, want] of errors) {
    it(`error: ${line}`, () => {
      expect(mailer(line).errors).toEqual(want);
    });
  }

  it("reports a missing local mailer after reading the file", () => {
    const m = cf("V10/Berkeley\n");
    expect(errs(m)).toEqual(["No local mailer defined"]);
    expect(m.errors[0]!.line).toBeNull();
  });

  it("allows at most 25 mailers", () => {
    const lines = Array.from({ length: 23 }, (_, i) => `Mm${i}, P=/bin/x, A=x\n`).join("");
    expect(errs(cf(`V10/Berkeley\n${LOCAL_MAILER}${lines}`))).toEqual([
      "test.cf: line 24: too many mailers defined (25 max)",
      "test.cf: line 25: too many mailers defined (25 max)",
    ]);
  });
});

describe("Q lines (queue groups)", () => {
  it("has the default mqueue group, which takes QueueDirectory and MaxRunnersPerQueue", () => {
    const m = cf(`V10/Berkeley\nO QueueDirectory=/var/spool/mqueue\nO MaxRunnersPerQueue=5\n${LOCAL_MAILER}`);
    expect(m.queueGroups).toEqual([
      { index: 0, name: "mqueue", builtin: true, line: null, path: "/var/spool/mqueue", flags: "", interval: 0, nice: 0, runners: 5, maxJobs: 0, maxRecipients: 0 },
    ]);
  });

  it("parses fields", () => {
    const m = cf(`V10/Berkeley\nO QueueDirectory=/q\nQfast, P=/q/fast, F=f, I=5m, N=3, R=4, J=100, r=10\nQslow, R=2\n${LOCAL_MAILER}`);
    expect(m.queueGroups.slice(1)).toEqual([
      { index: 1, name: "fast", builtin: false, line: 3, path: "/q/fast", flags: "f", interval: 300, nice: 3, runners: 4, maxJobs: 100, maxRecipients: 10 },
      { index: 2, name: "slow", builtin: false, line: 4, path: "/q", flags: "", interval: 0, nice: 0, runners: 2, maxJobs: 0, maxRecipients: 0 },
    ]);
    expect(errs(m)).toEqual(["Warning: Q=slow: R=2: multiple queue runners specified\n\tbut flag 'f' is not set"]);
  });

  const errors: [string, string[]][] = [
    ["Qq1, R=1", ["test.cf: line 2: QueueDir must be defined before queue groups"]],
    ["Q", ["test.cf: line 2: name required for queue"]],
    ["Qq1, P=", ["test.cf: line 2: queue q1: empty path name", "test.cf: line 2: QueueDir must be defined before queue groups"]],
    ["Qq1, P=/q, Z=1", ["test.cf: line 2: Qq1: unknown queue equate Z="]],
    ["Qq1 P", ["test.cf: line 2: queue q1: `=' expected"]],
  ];
  for (const [line, want] of errors) {
    it(`error: ${line}`, () => {
      expect(errs(cf(`V10/Berkeley\n${line}\n${LOCAL_MAILER}`))).toEqual(want);
    });
  }
});

describe("X lines (milters)", () => {
  it("parses socket, flags and timeouts", () => {
    const m = cf(`V10/Berkeley\nXclamav, S=inet:3310@127.0.0.1, F=T, T=C:1m;S:20s;R:30s;E:10m\nXspam, S=local:/nonexistent/sock\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    expect(m.milters).toEqual([
      {
        name: "clamav",
        line: 2,
        socket: "inet:3310@127.0.0.1",
        socketFamily: "inet",
        socketAddress: "127.0.0.1",
        socketPort: 3310,
        flags: "T",
        timeouts: { connect: 60, send: 20, read: 30, eom: 600 },
      },
      {
        name: "spam",
        line: 3,
        socket: "local:/nonexistent/sock",
        socketFamily: "local",
        socketAddress: "/nonexistent/sock",
        socketPort: null,
        flags: "",
        timeouts: { connect: 0, send: 10, read: 10, eom: 300 },
      },
    ]);
  });

  const errors: [string, string[]][] = [
    ["Xm", ["test.cf: line 2: Xm: empty or missing socket information"]],
    ["Xm, S=bogus:foo", ["test.cf: line 2: Xm: unknown socket type bogus: Protocol not supported"]],
    ["Xm, S=inet:abc@host", ["test.cf: line 2: Xm: unknown port name abc"]],
    ["Xm, S=inet:25@[127.0.0.1], Z=1", ["test.cf: line 2: Xm: unknown filter equate Z="]],
    ["Xm, S=inet:25@[127.0.0.1], T=X:1s", ["test.cf: line 2: Xm: unknown filter timeout X"]],
    ["Xm, S=local:/nonexistent/s\nXm, S=local:/nonexistent/t", ["test.cf: line 3: Xm: duplicate filter definition: No such file or directory"]],
  ];
  for (const [line, want] of errors) {
    it(`error: ${line}`, () => {
      expect(errs(cf(`V10/Berkeley\n${line}\n${LOCAL_MAILER}`))).toEqual(want);
    });
  }
});
