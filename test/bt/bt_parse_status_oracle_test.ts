/*
 * Exit status of sendmail -bt after /parse (buildaddr()'s setstat()),
 * against real sendmail 8.17 in the oracle sandbox, with and without -v:
 * the first status other than EX_OK/EX_TEMPFAIL wins (a $#error's $@ as a
 * number, an enhanced status code through dsntoexitstat() or a name of
 * ErrorCodes[]; EX_USAGE for an 8-bit address; EX_SOFTWARE for a missing or
 * unknown mailer), EX_TEMPFAIL at the end becomes 0, and prescan errors or
 * too long addresses set nothing. Goldens are computed live.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SENDMAIL_BIN, oracleAvailable, runInSandbox } from "../oracle/sendmail_oracle.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SANDBOX = join(REPO, "test", "oracle", "sandbox");
const DEBIAN_CF = "/etc/mail/sendmail.cf";
const avail = oracleAvailable();
const built = existsSync(join(REPO, "dist", "cli", "sendmail.js"));

const CF = [
  "V10",
  "S3",
  "S0",
  'R$* < 64 >\t$#error $@ 64 $: "553 sixtyfour"',
  'R$* < 67 >\t$#error $@ 5.1.1 $: "550 nouser"',
  'R$* < 75 >\t$#error $@ 4.2.0 $: "451 tempfail"',
  'R$* < 69 >\t$#error $: "550 unavailable"',
  'R$* < 65 >\t$#error $@ dataerr $: "553 not an ErrorCodes name"',
  'R$* < 68 >\t$#error $@ nohost $: "553 nohost"',
  'R$* < 6451 >\t$#error $@ 64 $: "451 x"',
  'R$* < 75553 >\t$#error $@ 75 $: "553 x"',
  'R$* < 0 >\t$#error $@ 0 $: "553 zero"',
  'R$* < 99 >\t$#error $@ 99 $: "553 ninetynine"',
  'R$* < 2 >\t$#error $@ 2.0.0 $: "553 two"',
  "R$* < nr >\t$@ $1",
  "R$* < um >\t$#foo $: $1",
  "R$*\t$#local $: $1",
  "S1",
  "S2",
  "S4",
  "S5",
  "Mlocal, P=/bin/true, F=lsDFMAw5:/|@qSPfhn9, S=0, R=0, A=mail.local -l",
  "Mprog, P=/bin/sh, F=lsDFMoqeu9, S=0, R=0, D=$z:/, A=sh -c $u",
  "",
].join("\n");

/** Input lines of one -bt session each. */
const SESSIONS: readonly (readonly string[])[] = [
  ["/parse a<64>"],
  ["/parse a<67>", "/parse a<64>"],
  ["/parse a<64>", "/parse a<67>"],
  ["/parse a<65>", "/parse a<64>"],
  ["/parse a<68>"],
  ["/parse a<75>"],
  ["/parse a<75>", "/parse a<64>"],
  ["/parse a<64>", "/parse a<75>", "/parse a<67>"],
  ["/parse a<6451>"],
  ["/parse a<75553>"],
  ["/parse a<75553>", "/parse a<67>"],
  ["/parse a<0>", "/parse a<64>"],
  ["/parse a<99>", "/parse a<64>"],
  ["/parse a<2>", "/parse a<64>"],
  ["/parse a<69>", "/parse a<64>", "/quit"],
  ["/parse a<nr>", "/parse a<64>"],
  ["/parse a<um>"],
  ["/parse a<", "/parse a<67>"],
  ["/parse a<64>", ".D{x"],
  [".D{x", "/parse a<64>"],
  ["/parse a\x85b@x"],
  [`/parse ${"x".repeat(300)}`],
  [`/parse ${"x".repeat(300)}`, "/parse a<67>"],
  ["0 a<64>"],
  ["/parse a"],
];

/** Sessions on Debian's sendmail.cf. */
const DEBIAN_SESSIONS: readonly (readonly string[])[] = [
  ["/parse a@b@c"],
  ["/parse a@b@c", "/parse user1"],
  ["/parse <foo"],
  ["/parse <foo", "/parse a@b@c"],
  ["/parse a,b"],
  ["/parse a@[1.2.3.4]x"],
  ["/parse list:;"],
  ["3,0 a@b@c"],
  ["/tryflags HS", "/parse a@b@c"],
  ["/parse user1@mx.oracle.test"],
];

function ours(cf: string, lines: readonly string[], verbose: boolean): { stdout: string; status: number } {
  const r = spawnSync(process.execPath, [join(REPO, "bin", "sendmail"), "-bt", ...(verbose ? ["-v"] : []), "-C", cf], {
    input: Buffer.from(lines.map((l) => l + "\n").join(""), "latin1"),
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LC_ALL: "C",
      TZ: "UTC",
      SMTS_HOSTNAME: "mx.oracle.test",
      SMTS_HOSTS_FILE: join(SANDBOX, "hosts"),
      SMTS_SERVICE_SWITCH: join(SANDBOX, "service.switch"),
      SMTS_INTERFACES: "127.0.0.1",
    },
    timeout: 60_000,
  });
  return { stdout: r.stdout.toString("latin1"), status: r.status ?? -1 };
}

describe.skipIf(!avail.ok || !built)("sendmail -bt exit status after /parse, against real sendmail", () => {
  const dir = mkdtempSync(join(tmpdir(), "bt-status-"));
  const cf = join(dir, "status.cf");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    // -bt does not need a queue directory, but keep the cf complete
    writeFileSync(cf, CF.replace("V10\n", `V10\nOQ${dir}\n`), "latin1");
  });

  const cases: { cf: () => string; lines: readonly string[] }[] = [
    ...SESSIONS.map((lines) => ({ cf: () => cf, lines })),
    ...(existsSync(DEBIAN_CF) ? DEBIAN_SESSIONS.map((lines) => ({ cf: () => DEBIAN_CF, lines })) : []),
  ];
  for (const verbose of [false, true]) {
    it(`${cases.length} sessions${verbose ? " with -v" : ""}: the same output and exit status`, async () => {
      const diffs: string[] = [];
      for (const c of cases) {
        // the input as octets (latin1), the same for both sides
        const input = Buffer.from(c.lines.map((l) => l + "\n").join(""), "latin1");
        const real = await runInSandbox([SENDMAIL_BIN, "-bt", ...(verbose ? ["-v"] : []), "-C", c.cf()], { input });
        const got = ours(c.cf(), c.lines, verbose);
        if (got.stdout !== real.stdout || got.status !== real.status) {
          diffs.push(`${JSON.stringify(c.lines)}\n--- real (${real.status})\n${real.stdout}--- ours (${got.status})\n${got.stdout}`);
        }
      }
      expect(diffs.join("\n")).toBe("");
    }, 300_000);
  }
});
