import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  BT_BANNER,
  compileMc,
  makemapReal,
  oracleAvailable,
  runBt,
  runInSandbox,
  splitBtAnswers,
  stripBtBanner,
} from "./sendmail_oracle.js";

const avail = oracleAvailable();
if (!avail.ok) console.log(`sendmail oracle tests skipped: ${avail.reason}`);

const DEBIAN_CF = "/etc/mail/sendmail.cf";
const GENERIC_MC = "/usr/share/sendmail/cf/cf/generic-linux.mc";

describe.skipIf(!avail.ok)("sendmail oracle", () => {
  const work = mkdtempSync(join(tmpdir(), "oracle-test-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("reports why it is available", () => {
    expect(avail.reason).toMatch(/available/);
  });

  it("runs commands in the sandbox with the private host name and hosts file", async () => {
    const r = await runInSandbox(["/bin/sh", "-c", "hostname; grep -c '^127.0.1.1.*mx.oracle.test' /etc/hosts; getent passwd user1 | cut -d: -f1"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("mx.oracle.test\n1\nuser1\n");
  });

  it.skipIf(!avail.ok || !exists(DEBIAN_CF))("answers 3,0 user@example.com on the Debian sendmail.cf", async () => {
    const lines = ["3,0 user@example.com"];
    const r = await runBt(DEBIAN_CF, lines);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(BT_BANNER)).toBe(true);
    const [before, answer] = splitBtAnswers(r.stdout, lines);
    expect(before).toBe(BT_BANNER);
    expect(answer).toContain("canonify           input: user @ example . com\n");
    expect(answer).toContain(
      "parse            returns: $# esmtp $@ example . com . $: user < @ example . com . >\n",
    );
    expect(stripBtBanner(r.stdout).startsWith("> 3,0 user@example.com\n")).toBe(true);
  });

  it.skipIf(!avail.ok || !exists(DEBIAN_CF))("prompt mode prints '> ' prompts without echo", async () => {
    const r = await runBt(DEBIAN_CF, ["$j"], { echo: false });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(BT_BANNER + "> mx.oracle.test\n> ");
  });

  it.skipIf(!avail.ok || !exists(GENERIC_MC))("compiles generic-linux.mc with m4, without the built-by lines", async () => {
    const out = join(work, "generic-linux.cf");
    const r = await compileMc(GENERIC_MC, out, { noMakeInfo: true });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const cf = readFileSync(out, "latin1");
    expect(cf).toMatch(/^V10\/Berkeley$/m);
    expect(cf).not.toContain("##### built by");
    const withInfo = join(work, "generic-linux-info.cf");
    await compileMc(GENERIC_MC, withInfo);
    expect(readFileSync(withInfo, "latin1")).toContain("##### built by");
  });

  it.skipIf(!avail.ok || !exists("/etc/mail/sendmail.mc") || !exists(DEBIAN_CF))(
    "recompiles Debian's sendmail.mc into its sendmail.cf (Makefile epilogue included)",
    async () => {
      const out = join(work, "debian.cf");
      const r = await compileMc("/etc/mail/sendmail.mc", out, { noMakeInfo: true, appendMc: true });
      expect(r.status).toBe(0);
      const strip = (t: string): string => t.split("\n").filter((l) => !l.startsWith("##### ")).join("\n");
      expect(strip(readFileSync(out, "latin1"))).toBe(strip(readFileSync(DEBIAN_CF, "latin1")));
    },
  );

  it("builds a hash map with the real makemap and looks it up with /map", async () => {
    const db = join(work, "testmap");
    const r = await makemapReal("hash", db, "alpha\tone two\nbeta\tthree\n");
    expect(r.status).toBe(0);
    const cf = join(work, "map.cf");
    writeFileSync(cf, `V10/Berkeley\nO DontBlameSendmail=MapInUnsafeDirPath\nKtestmap hash ${db}\nMlocal, P=/bin/true, F=l, A=true $u\n`);
    const lines = ["/map testmap alpha", "/map testmap gamma"];
    const bt = await runBt(cf, lines);
    const [, a, b] = splitBtAnswers(bt.stdout, lines);
    expect(a).toBe("map_lookup: testmap (alpha) returns one two (0)\n");
    expect(b).toBe("map_lookup: testmap (gamma) no match (0)\n");
  });

  it("reports cf errors with sendmail's wording", async () => {
    const cf = join(work, "bad.cf");
    writeFileSync(cf, "V10/Berkeley\nO NoSuchOption=1\nZbogus\n");
    const r = await runBt(cf, []);
    expect(r.stdout).toContain(`${cf}: line 2: readcf: unknown option name NoSuchOption\n`);
    expect(r.stdout).toContain(`${cf}: line 3: unknown configuration line "Zbogus"\n`);
  });
});

function exists(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
