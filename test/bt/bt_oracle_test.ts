/*
 * Differential check of bin/sendmail -bt against real sendmail 8.17 (in the
 * oracle sandbox) on the Debian sendmail.cf and a small cf exercising loops,
 * classes, maps and errors: byte-identical stdout for the same input lines.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { oracleAvailable, runBt } from "../oracle/sendmail_oracle.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SANDBOX = join(REPO, "test", "oracle", "sandbox");
const avail = oracleAvailable();
const built = existsSync(join(REPO, "dist", "cli", "sendmail.js"));
if (!avail.ok) console.log(`bt oracle comparisons skipped: ${avail.reason}`);
if (!built) console.log("bt oracle comparisons skipped: dist/ not built (npx tsc -p tsconfig.json)");

function ours(cf: string, lines: readonly string[], args: readonly string[] = []): { stdout: string; status: number } {
  const r = spawnSync(process.execPath, [join(REPO, "bin", "sendmail"), "-bt", "-v", ...args, "-C", cf], {
    input: Buffer.from(lines.map((l) => l + "\n").join(""), "latin1"),
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      SMTS_HOSTNAME: "mx.oracle.test",
      SMTS_HOSTS_FILE: join(SANDBOX, "hosts"),
      SMTS_SERVICE_SWITCH: join(SANDBOX, "service.switch"),
      SMTS_INTERFACES: "127.0.0.1",
    },
    timeout: 60_000,
  });
  return { stdout: r.stdout.toString("latin1"), status: r.status ?? -1 };
}

const DEBIAN_LINES = [
  "3,0 user@host",
  "3,0 user@example.com",
  "3,0 user@mail.example.com.",
  "3,0 Full Name <user@smile.com>",
  "3,0 <@x:user@y>",
  "3,0 a!b!c",
  "3,0 user%other@mx",
  "3,0 postmaster",
  "3,0 a@b, c@d",
  "3,0 <a@b",
  '3,0 "quoted str"@x',
  "3,0 user (comment) @host",
  "0 a",
  "3,foo a",
  "foo,0 a",
  "3",
  ".D{client_addr}192.0.2.1",
  ".D{client_name}host.example",
  "check_rcpt <a@b>",
  "check_rcpt <user@mx.oracle.test>",
  "check_mail <>",
  "check_mail <foo@example.com>",
  "$j",
  "$m",
  "${client_addr}",
  "=S3",
  "=Sfoo",
  "=M",
  "/map host mail.skills.com",
  "/map host nosuch.example",
  "/map dequote \"abc\"",
  "/map nosuch foo",
  "/canon mx",
  "/mx example.com",
  "/try esmtp user@host",
  "/parse user@example.com",
  "-d21.12",
  "Parse0 a@b",
  "-d0",
  "?",
];

const SMALL_CF = `V10/Berkeley
O OperatorChars=.:%@!^/[]+
Mlocal, P=/bin/true, F=l, A=true
Kdequote dequote
Karith arith
CXfoo bar.baz
SLoop
R$+	$1
SBad
R$*	$>Nosuch $1
SMap
R$*	$: $(dequote $1 $)
R$*	$: $(nomap $1 $: dflt $)
R$*	$: $(arith + $@ 1 $@ 2 $)
SClass
R$=X $*	$@ matched $1 / $2
R$~X $*	$@ notin $1 $2
S1
R$* < $+ >	$1 $2
R$*	$@ none
`;
const SMALL_LINES = ["Loop a", "Bad a", 'Map "a b"', "Class bar.baz rest", "Class zzz", "-d21.12", "1 x < y > z", "-d21.4", "1 a"];

describe.skipIf(!avail.ok || !built)("bin/sendmail -bt against real sendmail", () => {
  const dir = mkdtempSync(join(tmpdir(), "bt-oracle-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!existsSync("/etc/mail/sendmail.cf"))("Debian sendmail.cf: the same output line for line", async () => {
    const cf = "/etc/mail/sendmail.cf";
    const real = await runBt(cf, DEBIAN_LINES);
    const got = ours(cf, DEBIAN_LINES);
    expect(got.stdout).toBe(real.stdout);
    expect(got.status).toBe(real.status);
  });

  it("a small cf with loops, classes, maps and errors", async () => {
    const cf = join(dir, "small.cf");
    writeFileSync(cf, SMALL_CF, "latin1");
    const real = await runBt(cf, SMALL_LINES);
    const got = ours(cf, SMALL_LINES);
    expect(got.stdout).toBe(real.stdout);
    expect(got.status).toBe(real.status);
  });
});
