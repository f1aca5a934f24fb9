/*
 * bad_input_test - broken .mc files (issue 5, acceptance 3): a misspelt
 * FEATURE (and OSTYPE), a missing closing quote, a DAEMON_OPTIONS key that
 * does not exist.  Each must give an error naming the .mc file and line
 * with a hint, a non-zero exit status, and, when built the way users build
 * (make -C etc-mail), leave the existing sendmail.cf as it was.
 */

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compile, GNU_M4, makeScratch, OUR_CF, OUR_M4, ourM4Available, ROOT } from "./harness.mjs";

const M4 = ourM4Available() ? OUR_M4 : GNU_M4;
const haveMake = spawnSync("make", ["--version"]).status === 0;
if (!ourM4Available()) console.log("bad input tests: our m4 is not built, using GNU m4 for the library checks");
if (!haveMake) console.log("Makefile tests skipped: make(1) not found");

const GOOD = [
  "divert(0)dnl",
  "OSTYPE(`linux')dnl",
  "DOMAIN(`generic')dnl",
  "FEATURE(`use_cw_file')dnl",
  "MAILER(`local')dnl",
  "MAILER(`smtp')dnl",
  "",
].join("\n");

/** name -> [the .mc text, the line of the error, what the message and hint say] */
const BAD: Record<string, { text: string; line: number; message: RegExp; hint: RegExp }> = {
  "misspelt FEATURE": {
    text: GOOD.replace("FEATURE(`use_cw_file')", "FEATURE(`use_cw_fiel')"),
    line: 4,
    message: /FEATURE\(`use_cw_fiel'\) is unknown/,
    hint: /hint: did you mean use_cw_file\?/,
  },
  "misspelt OSTYPE": {
    text: GOOD.replace("OSTYPE(`linux')", "OSTYPE(`linx')"),
    line: 2,
    message: /OSTYPE\(`linx'\) is unknown/,
    hint: /hint: did you mean linux\?/,
  },
  "missing closing quote": {
    text: GOOD.replace("DOMAIN(`generic')dnl", "define(`confPRIVACY_FLAGS', `goaway)dnl\nDOMAIN(`generic')dnl"),
    line: 3,
    message: /end of file in string/,
    hint: /hint: a quoted string is never closed/,
  },
  "unknown DAEMON_OPTIONS key": {
    text: GOOD.replace("FEATURE(`use_cw_file')dnl", "DAEMON_OPTIONS(`Port=smtp, Adress=127.0.0.1, Name=MTA')dnl"),
    line: 4,
    message: /DAEMON_OPTIONS: unknown key "Adress"/,
    hint: /hint: did you mean Address\?/,
  },
};

const scratches: string[] = [];
afterAll(() => {
  for (const d of scratches) rmSync(d, { recursive: true, force: true });
});

describe("cf library: broken .mc files stop the build", () => {
  for (const [name, bad] of Object.entries(BAD)) {
    it(`${name}: m4 exits non-zero with the .mc file and line`, () => {
      const dir = makeScratch("bad");
      scratches.push(dir);
      const mc = join(dir, "broken.mc");
      writeFileSync(mc, bad.text);
      const r = compile(M4, OUR_CF, mc);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(bad.message);
      expect(r.stderr).toContain(`broken.mc:${bad.line}:`);
      if (name !== "missing closing quote") expect(r.stderr).toMatch(bad.hint);
    });
  }

  it("a good .mc compiles with exit status 0 and nothing on stderr", () => {
    const dir = makeScratch("good");
    scratches.push(dir);
    const mc = join(dir, "good.mc");
    writeFileSync(mc, GOOD);
    const r = compile(M4, OUR_CF, mc);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^V10\/Berkeley$/m);
  });
});

/** A copy of etc-mail/ in a scratch checkout-like directory. */
function etcMailCopy(): { root: string; etc: string } {
  const root = makeScratch("make");
  scratches.push(root);
  const etc = join(root, "etc-mail");
  spawnSync("mkdir", ["-p", etc]);
  for (const f of ["Makefile", "sendmail.mc", "access", "aliases", "local-host-names", "relay-domains", "trusted-users", "virtusertable", "mailertable", "helpfile"]) {
    copyFileSync(join(ROOT, "etc-mail", f), join(etc, f));
  }
  return { root, etc };
}

/** Make a file look a minute old. */
function backdate(path: string): void {
  spawnSync("touch", ["-d", new Date(Date.now() - 60_000).toISOString(), path]);
}

function make(etc: string, root: string, ...targets: string[]) {
  return spawnSync("make", ["-s", "-C", etc, `ROOT=${root}`, `CFDIR=${join(ROOT, "cf")}`, `M4=${M4}`, ...targets], {
    encoding: "latin1",
  });
}

describe.skipIf(!haveMake)("etc-mail/Makefile: a broken sendmail.mc leaves sendmail.cf as it was", () => {
  for (const [name, bad] of Object.entries(BAD)) {
    it(name, { timeout: 60_000 }, () => {
      const { root, etc } = etcMailCopy();
      const first = make(etc, root, "cf");
      expect(first.stderr).toBe("");
      expect(first.status).toBe(0);
      const cf = join(etc, "sendmail.cf");
      // sendmail.cf from a while ago; then the broken sendmail.mc
      backdate(cf);
      const before = readFileSync(cf);
      const mtime = statSync(cf).mtimeMs;
      writeFileSync(join(etc, "sendmail.mc"), bad.text);
      const r = make(etc, root, "cf");
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(bad.message);
      expect(r.stderr).toContain(`sendmail.mc:${bad.line}:`);
      expect(r.stderr).toMatch(bad.hint);
      expect(r.stderr).toMatch(/sendmail\.cf left unchanged/);
      expect(readFileSync(cf).equals(before)).toBe(true);
      expect(statSync(cf).mtimeMs).toBe(mtime);
      expect(existsSync(`${cf}.new`)).toBe(false);
    });
  }
});

describe.skipIf(!haveMake)("etc-mail/Makefile: the rebuild workflow", () => {
  it("says when sendmail.cf is older than sendmail.mc, rebuilds it, and says how to reload", { timeout: 60_000 }, () => {
    const { root, etc } = etcMailCopy();
    let r = make(etc, root, "check");
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/no sendmail\.cf yet/);
    expect(make(etc, root, "cf").status).toBe(0);
    r = make(etc, root, "check");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/up to date/);

    // an edit of sendmail.mc
    const mc = join(etc, "sendmail.mc");
    backdate(join(etc, "sendmail.cf"));
    writeFileSync(mc, readFileSync(mc, "latin1").replace("FEATURE(`use_cw_file')dnl", "FEATURE(`use_cw_file')dnl\nFEATURE(`always_add_domain')dnl"));
    r = make(etc, root, "check");
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/sendmail\.cf is older than sendmail\.mc/);
    expect(r.stdout).toMatch(/kill -HUP `head -1 .*\/var\/run\/sendmail\.pid`/);

    r = make(etc, root, "cf");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/sendmail\.cf rebuilt/);
    expect(r.stdout).toMatch(/running sendmail keeps using the configuration it started with/);
    expect(r.stdout).toMatch(/kill -HUP/);
    expect(readFileSync(join(etc, "sendmail.cf"), "latin1")).toMatch(/^SAddDomain\nR\$\* < @ \$\* > \$\*/m);
    expect(make(etc, root, "check").status).toBe(0);
  });

  it("builds the maps whose source is newer (with the real makemap when ours is missing)", { timeout: 60_000 }, () => {
    const makemap = existsSync(join(ROOT, "bin", "makemap")) ? join(ROOT, "bin", "makemap") : "/usr/libexec/sendmail/makemap";
    if (!existsSync(makemap)) return;
    const { root, etc } = etcMailCopy();
    const r = make(etc, root, `MAKEMAP=${makemap}`);
    expect(r.status, r.stderr).toBe(0);
    for (const m of ["access", "virtusertable", "mailertable"]) expect(existsSync(join(etc, `${m}.db`))).toBe(true);
    const again = make(etc, root, `MAKEMAP=${makemap}`);
    expect(again.stdout).not.toMatch(/Updating/);
    for (const f of readdirSync(etc)) if (f !== "sendmail.cf") backdate(join(etc, f));
    spawnSync("touch", [join(etc, "access")]);
    const third = make(etc, root, `MAKEMAP=${makemap}`);
    expect(third.stdout).toMatch(/Updating access\.db/);
    expect(third.stdout).not.toMatch(/Updating (virtusertable|mailertable)\.db|Updating sendmail\.cf/);
  });
});
