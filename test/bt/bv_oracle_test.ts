/*
 * Differential check of bin/sendmail -bv against real sendmail 8.17 (in the
 * oracle sandbox): the Debian sendmail.cf with AliasFile pointing at a
 * scratch aliases file (built by real sendmail -bi), with lists, loops,
 * self references, owner- lists, :include: files, programs, files and
 * remote members, and local users with ~/.forward files (homes under the
 * scratch directory, in a passwd file both sides read: the sandbox's
 * /etc/passwd is replaced by it through SM_ORACLE_PASSWD). Each case is one
 * command line; stdout and the exit status must be identical, with and
 * without -v.
 */

import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
const haveCf = existsSync(DEBIAN_CF);
if (!avail.ok) console.log(`bv oracle comparisons skipped: ${avail.reason}`);
if (!built) console.log("bv oracle comparisons skipped: dist/ not built (npx tsc -p tsconfig.json)");

function aliasesText(dir: string): string {
  return [
    "postmaster: root",
    "root: user1",
    "list1: user1, user2, jerry",
    "list2: list1, mary",
    "loopa: loopb",
    "loopb: loopa",
    "self: self, user2",
    "self2: user1, self2",
    'prog1: "|/usr/bin/vacation user1"',
    `file1: ${dir}/mbox`,
    `inc1: :include:${dir}/inc.list`,
    `inc2: :include:${dir}/nonexist.list`,
    "remote1: someone@example.com",
    "errlist: nosuchuser",
    "bs: \\user1",
    "owner-list1: user2",
    `mixed: user1, "|/bin/cat", ${dir}/x, other@example.org`,
    "deep1: deep2",
    "deep2: deep3",
    "deep3: user1",
    "list3: net1, mary",
    "owner-list3: user2",
    "list4: net2, jerry",
    "owner-list4: owner-list4-real",
    "owner-list4-real: user1",
    'list5: list4, detail-user',
    'owner-list5: "|/bin/true"',
    "plus: user1+tag",
    "badroute: a@b@c",
    "tofwd: fwd1",
    "",
  ].join("\n");
}

/** Command lines (after -bv [-v] -C cf). */
const CASES: readonly (readonly string[])[] = [
  ["user1"],
  ["list1"],
  ["list2"],
  ["loopa"],
  ["self"],
  ["self2"],
  ["prog1"],
  ["file1"],
  ["inc1"],
  ["inc2"],
  ["remote1"],
  ["errlist"],
  ["bs"],
  ["mixed"],
  ["deep1"],
  ["nosuch"],
  ["postmaster"],
  ["PostMaster"],
  ["User1"],
  ["LIST1"],
  ["user1+foo"],
  ["plus"],
  ["badroute"],
  ["<foo"],
  ["a@b@c"],
  ["bad@"],
  ["foo!bar"],
  ['"user 1"'],
  ["Full Name <user1>"],
  ["<user2@mx.oracle.test>"],
  ["user1 (comment)"],
  ["@x:user1@mx.oracle.test"],
  ["user1@localhost"],
  ["user1@mx"],
  ["x@[1.2.3.4]"],
  ['"|/bin/cat"'],
  ["/tmp/foo"],
  [":include:/etc/hostname"],
  [""],
  ["user1, user2"],
  ["user1", "user1", "list1"],
  ["a@example.org", "b@example.net", "user1", "user2"],
  ["nosuch", '"|/bin/cat"'],
  ['"|/bin/cat"', "nosuch"],
  ["list4", "list1", "user2", "list3", "foo@example.org"],
  ["list5", "user1"],
  ["list1", "list4"],
  ["list5", "list3", "list1", "remote1"],
  ["mixed", "remote1", "inc1"],
  ["user1 user2"],
  ["a\tb@x.org"],
  [`(${"c".repeat(250)}) u@x`],
  ["user1\x05x@x.org"],
  ["-OMaxAliasRecursion=2", "deep1", "list2"],
  ["-OMaxAliasRecursion=1", "list2"],
  ["-OAliasFile=/nonexistent/aliases", "list1", "user1"],
  ["-OMaxAlias=3", "deep1"],
  ["-ONoSuchOption=1", "user1"],
  // ~/.forward (ForwardPath=$z/.forward.$w:$z/.forward in Debian's cf)
  ["fwd1"],
  ["fwd2"],
  ["fwdother"],
  ["fwdgw"],
  ["fwdww"],
  ["fwdhost"],
  ["fwdnohome"],
  ["fwdself"],
  ["fwdwwdir"],
  ["fwdwwdirnone"],
  ["fwdsticky"],
  ["fwdgwdir"],
  ["fwdlink"],
  ["fwdempty"],
  ["fwdinc"],
  ["fwda"],
  ["fwddir"],
  ["fwdprivate"],
  ["fwdnosearch"],
  ["fwdrootown"],
  ["fwdunreadable"],
  ["tofwd"],
  ["fwd1, user1"],
  ["FWD1"],
  ["\\fwd1"],
  ["fwd1", "fwda", "list1"],
  ["-OForwardPath=", "fwd1"],
];

interface ForwardUser {
  readonly name: string;
  /** files in the home directory: name -> content (null: a directory; "->X": a symlink to X) */
  readonly files?: Readonly<Record<string, string | null>>;
  /** mode of the .forward (default 0644) */
  readonly mode?: number;
  /** owner of the .forward: "other" (uid 2001), "root" (default: the user) */
  readonly owner?: "other" | "root";
  /** mode of the home directory (default 0755) */
  readonly homeMode?: number;
  /** home directory owned by root */
  readonly rootHome?: boolean;
  /** no home directory */
  readonly noHome?: boolean;
}

const FORWARD_USERS: readonly ForwardUser[] = [
  { name: "fwd1", files: { ".forward": "user1, user2\n" } },
  { name: "fwd2", files: { ".forward": '"|/bin/cat"\n/tmp/bv-fwd-mbox\nfoo@example.com\n' } },
  { name: "fwdother", files: { ".forward": "user1\n" }, owner: "other" },
  { name: "fwdgw", files: { ".forward": "user1\n" }, mode: 0o664 },
  { name: "fwdww", files: { ".forward": "user1\n" }, mode: 0o602 },
  { name: "fwdhost", files: { ".forward": "user1\n", ".forward.mx": "user2\n" } },
  { name: "fwdnohome", noHome: true },
  { name: "fwdself", files: { ".forward": "\\fwdself, user1\n" } },
  { name: "fwdwwdir", files: { ".forward": "user1\n" }, homeMode: 0o777 },
  { name: "fwdwwdirnone", files: {}, homeMode: 0o777 },
  { name: "fwdsticky", files: { ".forward": "user1\n" }, homeMode: 0o1777 },
  { name: "fwdgwdir", files: { ".forward": "user1\n" }, homeMode: 0o775 },
  { name: "fwdlink", files: { real: "user1\n", ".forward": "->real" } },
  { name: "fwdempty", files: { ".forward": "" } },
  { name: "fwdinc", files: { ".forward": "# comment\n\nuser1 #@# trailing\n:include:INC\n" } },
  { name: "fwda", files: { ".forward": "fwdb\n" } },
  { name: "fwdb", files: { ".forward": "fwda\n" } },
  { name: "fwddir", files: { ".forward": null } },
  { name: "fwdprivate", files: { ".forward": "user1\n" }, mode: 0o600 },
  { name: "fwdnosearch", files: { ".forward": "user1\n" }, homeMode: 0o700, rootHome: true },
  { name: "fwdrootown", files: { ".forward": "user1\n" }, owner: "root" },
  { name: "fwdunreadable", files: { ".forward": "user1\n" }, mode: 0 },
];

/** Make the forward users' homes under dir; returns their passwd lines. */
function makeForwardUsers(dir: string): string {
  const homes = join(dir, "home");
  mkdirSync(homes, { mode: 0o755 });
  chmodSync(homes, 0o755);
  let lines = "";
  FORWARD_USERS.forEach((u, i) => {
    const id = 2101 + i;
    const home = join(homes, u.name);
    lines += `${u.name}:x:${id}:${id}:Forward ${u.name}:${home}:/bin/sh\n`;
    if (u.noHome === true) return;
    mkdirSync(home);
    chownSync(home, u.rootHome === true ? 0 : id, u.rootHome === true ? 0 : id);
    chmodSync(home, u.homeMode ?? 0o755);
    for (const [name, content] of Object.entries(u.files ?? {})) {
      const path = join(home, name);
      if (content === null) mkdirSync(path);
      else if (content.startsWith("->")) {
        symlinkSync(content.slice(2), path);
        continue;
      } else writeFileSync(path, content.replace("INC", join(dir, "fwd-inc.list")), "latin1");
      const owner = name === ".forward" && u.owner === "other" ? 2001 : name === ".forward" && u.owner === "root" ? 0 : id;
      chownSync(path, owner, id);
      chmodSync(path, content === null ? 0o755 : name === ".forward" ? (u.mode ?? 0o644) : 0o644);
    }
  });
  writeFileSync(join(dir, "fwd-inc.list"), "mary\n", "latin1");
  chmodSync(join(dir, "fwd-inc.list"), 0o644);
  return lines;
}

function ourEnv(passwd: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    SMTS_HOSTNAME: "mx.oracle.test",
    SMTS_HOSTS_FILE: join(SANDBOX, "hosts"),
    SMTS_SERVICE_SWITCH: join(SANDBOX, "service.switch"),
    SMTS_INTERFACES: "127.0.0.1",
    SMTS_PASSWD_FILE: passwd,
  };
}

describe.skipIf(!avail.ok || !built || !haveCf)("bin/sendmail -bv against real sendmail", () => {
  const dir = mkdtempSync(join(tmpdir(), "bv-oracle-"));
  const cf = join(dir, "bv.cf");
  const passwd = join(dir, "passwd");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // include files are read as the default user (DefUser): the directory must be searchable
    chmodSync(dir, 0o755);
    const text = readFileSync(DEBIAN_CF, "latin1").replace(/^O AliasFile=.*$/m, `O AliasFile=${dir}/aliases`);
    writeFileSync(cf, text, "latin1");
    writeFileSync(join(dir, "aliases"), aliasesText(dir), "latin1");
    writeFileSync(join(dir, "inc.list"), "user2\nmary\n# comment\nfoo@example.net\n", "latin1");
    const extra = readFileSync(join(SANDBOX, "passwd.extra"), "latin1")
      .split("\n")
      .filter((l) => l.length > 0 && !l.startsWith("#"))
      .map((l) => l + "\n")
      .join("");
    let base = readFileSync("/etc/passwd", "latin1");
    if (base.length > 0 && !base.endsWith("\n")) base += "\n";
    writeFileSync(passwd, base + extra + makeForwardUsers(dir), "latin1");
    chmodSync(passwd, 0o644);
    const r = await runInSandbox([SENDMAIL_BIN, "-bi", "-C", cf], { env: { SM_ORACLE_PASSWD: passwd } });
    expect(r.status).toBe(0);
  }, 60_000);

  for (const verbose of [false, true]) {
    it(`${CASES.length} command lines${verbose ? " with -v" : ""}: the same output and exit status`, async () => {
      let same = 0;
      const diffs: string[] = [];
      for (const args of CASES) {
        const flags = verbose ? ["-bv", "-v", "-C", cf] : ["-bv", "-C", cf];
        const real = await runInSandbox([SENDMAIL_BIN, ...flags, ...args], { env: { SM_ORACLE_PASSWD: passwd } });
        const got = spawnSync(process.execPath, [join(REPO, "bin", "sendmail"), ...flags, ...args], {
          env: ourEnv(passwd),
          timeout: 60_000,
        });
        const ours = { stdout: got.stdout.toString("latin1"), status: got.status ?? -1 };
        if (ours.stdout === real.stdout && ours.status === real.status) same++;
        else {
          const err = got.stderr.toString("latin1");
          diffs.push(`${JSON.stringify(args)}\n--- real (${real.status})\n${real.stdout}--- ours (${ours.status})\n${ours.stdout}${err.length > 0 ? `--- our stderr\n${err}` : ""}`);
        }
      }
      expect(diffs.join("\n")).toBe("");
      expect(same).toBe(CASES.length);
    }, 300_000);
  }
});
