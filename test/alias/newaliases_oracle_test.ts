/*
 * newaliases_oracle_test - our newaliases and praliases against Debian's
 * sendmail 8.17 (newaliases run in the oracle sandbox): the same aliases
 * file gives the same diagnostics, the same summary line, and databases
 * that real and our praliases print identically (same entries, same hash
 * order). Files with errors are compared with our "install anyway" mode,
 * since by default we keep the old database where sendmail installs.
 */

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newaliasesMain } from "../../src/alias/newaliases_cli.js";
import { rebuildAliases } from "../../src/alias/newaliases.js";
import { parseAliasFileOption } from "../../src/alias/aliasfile.js";
import { praliasesMain } from "../../src/alias/praliases.js";
import { oracleAvailable, runInSandbox } from "../oracle/sendmail_oracle.js";
import { captureIO, haveTool, REAL_NEWALIASES, REAL_PRALIASES, realStderr, rng, runReal, scratch } from "../map/helpers.js";

const CF = "/etc/mail/sendmail.cf";
const avail = oracleAvailable();
const available = avail.ok && haveTool(REAL_NEWALIASES) && haveTool(REAL_PRALIASES) && existsSync(CF);
if (!available) console.log(`newaliases_oracle_test skipped: ${avail.ok ? `${REAL_NEWALIASES}, praliases or ${CF} missing` : avail.reason}`);

const tmp = scratch("naoracle-");
afterAll(() => tmp.cleanup());
let serial = 0;

/** A big generated aliases file: lists, programs, files, continuation lines. */
function bigAliases(n: number, seed: number): string {
  const r = rng(seed);
  let s = "# generated\n";
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(r() * 6);
    const name = `user${i}${kind === 0 ? "-request" : ""}`;
    if (kind === 1) s += `${name}: "|/usr/bin/prog ${i}"\n`;
    else if (kind === 2) s += `${name}: /var/spool/archive/${i}\n`;
    else if (kind === 3) s += `owner-${name}: admin${i}\n${name}: :include:/etc/mail/lists/${i}\n`;
    else if (kind === 4) s += `${name}: a${i}@example.com,\n\tb${i}@example.org,\n  c${i}\n`;
    else s += `${name}: ${"member,".repeat(Math.floor(r() * 200))}last${i}\n`;
  }
  return s;
}

const files: Array<[string, string]> = [
  ["simple", "postmaster: root\nMAILER-DAEMON: postmaster\nroot: \\root, admin@example.com\n"],
  [
    "tutorial",
    '# aliases\npostmaster: root\nStaff: alice, bob,\n   carol\n   , dave@example.com\nprog: "|/usr/bin/vacation alice"\n' +
      "file: /var/log/mail.archive\ninc: :include:/etc/mail/lists/inc\nnoalias: \\root\nowner-staff: alice\nstaff-request: bob\n",
  ],
  ["duplicates", "dup: first\nDup: second\nx: y\nX: z\n"],
  ["prefix names", "staff: a\nstaff-request: b\nstaf: c\nowner-staff: d\n"],
  ["long values", `long: ${Array.from({ length: 715 }, (_, i) => `v${i}`).join(",")}\nmid: ${"x".repeat(1024)}\nmid2: ${"y".repeat(1025)}\n`],
  ["errors", "\tlead: x\nx1: a\n\tb\n\n\tc\ny1: q # not comment\nnocolon\ne:\n:noname\nu@example.com: r\nw1: a,\n#c\n  b\nv1:v\n"],
  ["names", "sp ace: x\n\"quoted name\": y\nw (comment): c\n<angle>: d\nUPPER@LocalHost: z\nz1 : spaced\ncolon:: z\n"],
  ["generated 3000", bigAliases(3000, 5)],
];

/** Run real newaliases on dir/aliases; returns what it printed (all on stdout) and its status. */
async function realNewaliases(dir: string): Promise<{ stdout: string; status: number }> {
  const r = await runInSandbox([REAL_NEWALIASES, "-C", CF, `-OAliasFile=hash:${dir}/aliases`]);
  expect(realStderr(r.stderr)).toBe("");
  return { stdout: r.stdout, status: r.status };
}

/** Praliases output of a database, real and ours. */
function praliasesBoth(file: string): { real: string; ours: string } {
  const c = captureIO();
  praliasesMain(["-f", file], c.io);
  return { real: runReal([REAL_PRALIASES, "-f", file]).stdout, ours: c.result().stdout };
}

describe.skipIf(!available)("newaliases: ours and Debian's sendmail 8.17", () => {
  for (const [name, text] of files) {
    it(name, async () => {
      const n = ++serial;
      const dirR = join(tmp.dir, `r${n}`);
      const dirO = join(tmp.dir, `o${n}`);
      for (const d of [dirR, dirO]) {
        mkdirSync(d);
        writeFileSync(join(d, "aliases"), text, "latin1");
      }
      const real = await realNewaliases(dirR);
      const c = captureIO();
      const status = newaliasesMain(["-C", CF, `-OAliasFile=hash:${dirO}/aliases`], c.io);
      const ours = c.result().stdout;
      expect(c.result().stderr).toBe("");
      expect(status).toBe(real.status);
      const norm = (s: string, dir: string): string =>
        s
          .split(dir)
          .join("DIR")
          .split("\n")
          .filter((l) => !l.includes("prescan:") && !l.includes("database not rebuilt") && !/ aliases, longest /.test(l))
          .join("\n");
      expect(norm(ours, dirO)).toBe(norm(real.stdout, dirR));
      const summary = (s: string, dir: string): string[] => s.split(dir).join("DIR").split("\n").filter((l) => / aliases, longest /.test(l));
      if (status === 0) expect(summary(ours, dirO)).toEqual(summary(real.stdout, dirR));
      else {
        // compare contents with sendmail's install-anyway behaviour
        const r = rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`hash:${dirO}/aliases`), installOnErrors: true });
        expect(summary(r.stdout, dirO)).toEqual(summary(real.stdout, dirR));
      }
      const pr = praliasesBoth(join(dirR, "aliases"));
      const po = praliasesBoth(join(dirO, "aliases"));
      expect(pr.ours, "our praliases on the real database").toBe(pr.real);
      expect(po.real, "real praliases on our database").toBe(pr.real);
      expect(po.ours, "our praliases on our database").toBe(pr.real);
    }, 60_000);
  }

  it("praliases with keys, -C with two databases", () => {
    const dir = join(tmp.dir, "keys");
    mkdirSync(dir);
    writeFileSync(join(dir, "a1"), "x: y\nUp: z\n");
    writeFileSync(join(dir, "a2"), "q: r\n");
    rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`${dir}/a1,hash:${dir}/a2`) });
    writeFileSync(join(dir, "two.cf"), `O AliasFile=${dir}/a1,hash:${dir}/a2\n`);
    for (const args of [["-C", join(dir, "two.cf")], ["-C", join(dir, "two.cf"), "x", "Up", "up", "q", "@"], ["-f", join(dir, "nonexist")], ["-f", join(dir, "nonexist"), "x"]]) {
      const c = captureIO();
      const status = praliasesMain(args, c.io);
      const r = runReal([REAL_PRALIASES, ...args]);
      expect(c.result().stdout, args.join(" ")).toBe(r.stdout);
      expect(c.result().stderr, args.join(" ")).toBe(realStderr(r.stderr));
      expect(status).toBe(r.status);
    }
  });
});
