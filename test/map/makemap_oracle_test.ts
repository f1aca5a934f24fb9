/*
 * makemap_oracle_test - our makemap against Debian's makemap 8.17 (and
 * db5.3-util), both ways: the same input and options through both must
 * give the same exit status and messages, and maps that print the same
 * under real `makemap -u` (same pairs, same order: our hash writer replays
 * Berkeley DB's page splits) and under ours; Berkeley DB's db_verify
 * accepts our files and db_dump prints them like the real ones.
 * Skipped, with the reason printed, where the real tools are missing.
 */

import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DB_DUMP,
  DB_VERIFY,
  haveTool,
  ourMakemap,
  randomMapText,
  REAL_MAKEMAP,
  realStderr,
  runReal,
  scratch,
} from "./helpers.js";

const available = haveTool(REAL_MAKEMAP);
const haveDbUtil = haveTool(DB_DUMP) && haveTool(DB_VERIFY);
if (!available) console.log(`makemap_oracle_test skipped: ${REAL_MAKEMAP} not installed (apt-get install sendmail-bin)`);
if (available && !haveDbUtil) console.log("makemap_oracle_test: db5.3-util missing, db_verify/db_dump checks skipped");

const tmp = scratch("mmoracle-");
afterAll(() => tmp.cleanup());
let serial = 0;

/** Our extra closing line when a map is not rebuilt (real makemap installs it anyway). */
function withoutNotRebuilt(s: string): string {
  return s.replace(/^makemap: .*: \d+ errors? in the input: .* not rebuilt\n/m, "");
}

interface Case {
  readonly name: string;
  readonly args?: string[];
  readonly type?: string;
  readonly input: string;
  /** Input given to a first run (both sides) before the tested one (for -o). */
  readonly before?: string;
}

/** Run a case through both; returns the two map base paths and results. */
function both(c: Case): { real: string; ours: string } {
  const n = ++serial;
  const real = join(tmp.dir, `r${n}`);
  const ours = join(tmp.dir, `o${n}`);
  const type = c.type ?? "hash";
  const args = c.args ?? [];
  if (c.before !== undefined) {
    runReal([REAL_MAKEMAP, type, real], c.before);
    ourMakemap([type, ours], c.before);
  }
  const r = runReal([REAL_MAKEMAP, ...args, type, real], c.input);
  const o = ourMakemap([...args, type, ours], c.input);
  expect(o.status, "exit status").toBe(r.status);
  expect(withoutNotRebuilt(o.stderr).split(ours).join("MAP"), "stderr").toBe(realStderr(r.stderr).split(real).join("MAP"));
  expect(o.stdout, "stdout").toBe(r.stdout);
  if (r.status === 0) {
    const dumpArgs = ["-u", ...(args.includes("-N") ? ["-N"] : []), type];
    const realOfReal = runReal([REAL_MAKEMAP, ...dumpArgs, real]);
    const realOfOurs = runReal([REAL_MAKEMAP, ...dumpArgs, ours]);
    const oursOfReal = ourMakemap([...dumpArgs, real]);
    expect(realOfOurs.status).toBe(0);
    expect(realOfOurs.stdout, "real makemap -u of our map").toBe(realOfReal.stdout);
    expect(oursOfReal.stdout, "our makemap -u of the real map").toBe(realOfReal.stdout);
    if (haveDbUtil) {
      const v = runReal([DB_VERIFY, "-q", `${ours}.db`]);
      expect(v.status, `db_verify: ${v.stderr}`).toBe(0);
      const dataOf = (s: string): string => s.slice(s.indexOf("HEADER=END"));
      expect(dataOf(runReal([DB_DUMP, "-p", `${ours}.db`]).stdout)).toBe(dataOf(runReal([DB_DUMP, "-p", `${real}.db`]).stdout));
    }
  }
  return { real, ours };
}

const ACCESS = `# access map, as in the tutorials
Connect:127.0.0.1\tRELAY
Connect:10.0.0\tRELAY
Connect:spammer.example\tREJECT
From:bad@example.net\tREJECT
From:example.org\tDISCARD
To:postmaster@\tOK
To:friend.example\tRELAY
From:spam.example\tERROR:"550 We do not accept mail from spammers"
Connect:192.168.1\tSKIP
`;

/** Keys with duplicate sets past a quarter page, long values, a set split over many recno pages. */
function bigDupSets(): string {
  let s = "";
  for (let i = 0; i < 300; i++) s += `a value${i}\n`;
  for (let i = 0; i < 2000; i++) s += `k${i % 7} ${"w".repeat(1 + ((i * 37) % 50))}\n`;
  for (const n of [10, 1015, 1007, 1008, 20]) s += `big ${"v".repeat(n)}\n`;
  s += `b ${"q".repeat(1015)}\nb x\nc ${"q".repeat(1014)}\nc x\nc y\n`;
  for (let i = 0; i < 3000; i++) s += `single${i} v${i}\n`;
  for (let i = 0; i < 74; i++) s += `t73 ${String(i).padStart(10, "0")}\n`;
  return s;
}

const cases: Case[] = [
  { name: "access map", input: ACCESS },
  { name: "blanks, CR, comments, percent", input: "a\t \tb  c  \nk v\r\n# c\n\nx %1 %%\nK%x v\n" },
  { name: "-f keeps case", args: ["-f"], input: "Foo bar\nfoo baz\n" },
  { name: "-N", args: ["-N"], input: "Key Value\nother one\n" },
  { name: "-t:", args: ["-t", ":"], input: "k ey:value\nk2: v2\nk3::v3\n" },
  { name: "-D;", args: ["-D", ";"], input: ";comment\n#notcomment x\n" },
  { name: "-e", args: ["-e"], input: "key\nkey2 \nk v\n" },
  { name: "-r", args: ["-r"], input: "a b\na c\nb x\n" },
  { name: "-v", args: ["-v"], input: "A b\nc d\n" },
  { name: "-d hash", args: ["-d"], input: "a one\na two\nb x\na three\n" },
  { name: "-d btree", args: ["-d"], type: "btree", input: "a one\na two\nb x\na three\nc 1\nc 2\n" },
  { name: "btree", type: "btree", input: ACCESS },
  { name: "implicit", type: "implicit", input: ACCESS },
  { name: "-o appends", args: ["-o"], before: "a 1\nb 2\n", input: "c 3\n" },
  { name: "empty input", input: "" },
  { name: "prefix keys", input: "a 1\nab 2\nabc 3\nb 4\nba 5\nstaff 6\nstaff-request 7\nstaf 8\n" },
  { name: "leading space", input: "ok 1\n  lead\n\tx\n" },
  { name: "no RHS", input: "KEY3\nkey4   \n" },
  { name: "duplicate key", input: "Foo a\nfoo b\n" },
  { name: "duplicate key with -N", args: ["-N"], input: "Foo a\nFOO b\n" },
  { name: "line too long", input: "a " + "x".repeat(1100) + "\n" + "c " + "z".repeat(5000) + "\nok v\n" },
  { name: "NUL in a line", input: "a b\0c\nd e\n" },
  { name: "20000 random pairs (hash)", input: randomMapText(20000, 7) },
  { name: "20000 random pairs (btree)", type: "btree", input: randomMapText(20000, 8) },
  { name: "random replacements (-r)", args: ["-r"], input: randomMapText(8000, 9, { dupKeys: true }) },
  { name: "random duplicates (-d btree)", args: ["-d"], type: "btree", input: randomMapText(8000, 10, { dupKeys: true }) },
  { name: "random duplicates (-d hash)", args: ["-d"], input: randomMapText(8000, 11, { dupKeys: true }) },
  { name: "many small duplicate sets (-d hash)", args: ["-d"], input: randomMapText(20000, 12, { dupKeys: true, poolDivisor: 8, short: true }) },
  { name: "off-page duplicates (-d hash)", args: ["-d"], input: bigDupSets() },
];

describe.skipIf(!available)("makemap: ours and Debian's makemap 8.17", () => {
  for (const c of cases) it(c.name, () => void both(c), 60_000);

  it("-l lists what each supports (ours adds cdb)", () => {
    const real = runReal([REAL_MAKEMAP, "-l"]).stdout.split("\n");
    const ours = ourMakemap(["-l"]).stdout.split("\n");
    for (const t of real) expect(ours).toContain(t);
  });

  it("usage text and getopt messages", () => {
    for (const args of [[], ["-z"], ["-c"], ["hash"], ["hash", "a", "b"]]) {
      const r = runReal([REAL_MAKEMAP, ...args]);
      const o = ourMakemap(args);
      expect(o.status).toBe(r.status);
      expect(o.stderr).toBe(r.stderr.split(REAL_MAKEMAP).join("makemap"));
    }
  });

  it("-u of missing maps", () => {
    const r = runReal([REAL_MAKEMAP, "-u", "hash", join(tmp.dir, "nonexist")]);
    const o = ourMakemap(["-u", "hash", join(tmp.dir, "nonexist")]);
    expect(o).toMatchObject({ status: r.status, stderr: realStderr(r.stderr) });
  });
});
