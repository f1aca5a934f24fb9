/*
 * expand_test - alias expansion at delivery time: recursion and its depth
 * limit, duplicates, loops, self-reference, \user, owner- lists, and the
 * rules for programs, files and :include: lists (table-driven, with an
 * in-memory alias table and a fake file system; one case uses a real map
 * built by our newaliases).
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAliasFileOption } from "../../src/alias/aliasfile.js";
import { expandRecipients, type ExpandOptions, type ExpandResult } from "../../src/alias/expand.js";
import { readInclude, type FileInfo, type IncludeSystem } from "../../src/alias/include.js";
import { rebuildAliases } from "../../src/alias/newaliases.js";
import { parseAliases } from "../../src/alias/parse.js";
import { splitAddressList } from "../../src/alias/address_list.js";
import { openMap, type LookupResult } from "../../src/map/map.js";
import { scratch } from "../map/helpers.js";

const tmp = scratch("expand-");
afterAll(() => tmp.cleanup());

/** A lookup function over an aliases text. */
function table(text: string): (key: string) => LookupResult {
  const m = new Map(parseAliases(text).entries.map((e) => [e.key, e.value] as const));
  return (k) => (m.has(k) ? { kind: "found", value: m.get(k)! } : { kind: "notfound" });
}

/** Deliveries as short strings: "kind:what[<owner][@uid]". */
function show(r: ExpandResult): string[] {
  return [
    ...r.deliveries.map((d) => {
      const t = d.target;
      const what = t.kind === "local" ? t.user : t.kind === "remote" ? t.address : t.kind === "program" ? t.command : t.path;
      return `${t.kind}:${what}${d.owner ? `<${d.owner}` : ""}${d.ctlUid !== null ? `@${d.ctlUid}` : ""}`;
    }),
    ...r.problems.map((p) => `!${p.address}: ${p.text}${p.temporary ? " (temp)" : ""}`),
  ];
}

const ALIASES = `postmaster: root
root: \\root, admin@example.com
staff: alice, bob, carol@example.org, staff-archive
staff-archive: /var/mail/archive/staff
owner-staff: alice
staff-request: bob
eric: eric, eric@other.example
loop1: loop2
loop2: loop1
dup: alice, ALICE, alice@localhost, bob
prog: "|/usr/bin/vacation alice"
deep0: deep1
deep1: deep2
deep2: deep3
deep3: deep4
deep4: deep5
deep5: deep6
deep6: deep7
deep7: deep8
deep8: deep9
deep9: deep10
deep10: deep11
deep11: bottom
list: :include:/lists/safe
badlist: :include:/lists/worldwritable
missing: :include:/lists/missing
sub: :include:/lists/nested
`;

/** Fake files for include tests. */
const files: Record<string, { info: FileInfo; text?: string }> = {
  "/": { info: { uid: 0, gid: 0, mode: 0o40755, isFile: false, isDirectory: true } },
  "/lists": { info: { uid: 0, gid: 0, mode: 0o40755, isFile: false, isDirectory: true } },
  "/lists/safe": { info: { uid: 1000, gid: 1000, mode: 0o100644, isFile: true, isDirectory: false }, text: "# members\nx1, x2@example.com\n\"|/usr/bin/filter\"\n/var/mail/list\n" },
  "/lists/worldwritable": { info: { uid: 1000, gid: 1000, mode: 0o100666, isFile: true, isDirectory: false }, text: "y1\n|/bin/evil\n/etc/passwd\n" },
  "/lists/nested": { info: { uid: 1001, gid: 1001, mode: 0o100644, isFile: true, isDirectory: false }, text: "z1, :include:/lists/nested, list\n" },
};
const fakeSys: IncludeSystem = {
  stat: (p) => (files[p] ? files[p]!.info : { error: "No such file or directory", code: "ENOENT" }),
  readText: (p) => files[p]?.text ?? { error: "No such file or directory", code: "ENOENT" },
  shellOf: (uid) => (uid === 1000 || uid === 1001 ? "/bin/bash" : uid === 0 ? "/bin/sh" : null),
  validShells: () => new Set(["/bin/sh", "/bin/bash"]),
};

const opts: ExpandOptions = {
  lookup: table(ALIASES),
  isLocalDomain: (d) => d === "localhost" || d === "mx.example",
  readInclude: (p) => readInclude(p, {}, fakeSys),
};

const cases: Array<{ name: string; rcpts: string[]; o?: Partial<ExpandOptions>; want: string[] }> = [
  { name: "not an alias", rcpts: ["nobody"], want: ["local:nobody"] },
  { name: "recursion and \\user", rcpts: ["postmaster"], want: ["local:root", "remote:admin@example.com"] },
  {
    name: "a list with owner-: errors go to the owner",
    rcpts: ["staff"],
    want: ["local:alice<owner-staff", "local:bob<owner-staff", "remote:carol@example.org<owner-staff", "file:/var/mail/archive/staff<owner-staff"],
  },
  { name: "-request is an ordinary alias", rcpts: ["staff-request"], want: ["local:bob"] },
  { name: "self-reference keeps a local copy", rcpts: ["eric"], want: ["local:eric", "remote:eric@other.example"] },
  { name: "loops are broken and reported", rcpts: ["loop1"], want: ["!loop1: aliasing/forwarding loop: no recipients left"] },
  { name: "duplicates are suppressed", rcpts: ["dup", "bob", "Alice"], want: ["local:alice", "local:bob"] },
  { name: "local domains are local", rcpts: ["postmaster@localhost", "postmaster@elsewhere.example"], want: ["local:root", "remote:admin@example.com", "remote:postmaster@elsewhere.example"] },
  { name: "programs from the aliases file", rcpts: ["prog"], want: ["program:/usr/bin/vacation alice"] },
  { name: "depth limit", rcpts: ["deep0"], want: ["!deep10: aliasing/forwarding loop broken (11 aliases deep; 10 max)"] },
  { name: "depth limit is configurable", rcpts: ["deep0"], o: { maxDepth: 20 }, want: ["local:bottom"] },
  {
    name: "direct programs, files and includes are refused",
    rcpts: ["|/bin/sh", "/etc/passwd", ":include:/lists/safe"],
    want: ["!|/bin/sh: Cannot mail directly to programs", "!/etc/passwd: Cannot mail directly to files", "!:include:/lists/safe: Cannot mail directly to :include:s"],
  },
  {
    name: "a safe include runs programs and files as its owner",
    rcpts: ["list"],
    want: ["local:x1@1000", "remote:x2@example.com@1000", "program:/usr/bin/filter@1000", "file:/var/mail/list@1000"],
  },
  {
    name: "an unsafe include may not name programs or files",
    rcpts: ["badlist"],
    want: [
      "local:y1@1000",
      "!|/bin/evil: Address |/bin/evil is unsafe for mailing to programs (world writable include file)",
      "!/etc/passwd: Address /etc/passwd is unsafe for mailing to files (world writable include file)",
    ],
  },
  { name: "a missing include file", rcpts: ["missing"], want: ["!:include:/lists/missing: /lists/missing: No such file or directory"] },
  {
    name: "nested includes and include loops",
    rcpts: ["sub"],
    want: ["local:z1@1001", "local:x1@1000", "remote:x2@example.com@1000", "program:/usr/bin/filter@1000", "file:/var/mail/list@1000"],
  },
  { name: "MeToo off: the sender gets no copy from a list", rcpts: ["staff"], o: { sender: "alice", meToo: false }, want: ["local:bob<owner-staff", "remote:carol@example.org<owner-staff", "file:/var/mail/archive/staff<owner-staff"] },
  { name: "a temporary map failure is not 'no alias'", rcpts: ["staff"], o: { lookup: () => ({ kind: "tempfail", reason: "aliases.db: truncated" }) }, want: ["!staff: alias database unavailable: aliases.db: truncated (temp)"] },
];

describe("alias expansion", () => {
  for (const c of cases) it(c.name, () => expect(show(expandRecipients(c.rcpts, { ...opts, ...c.o }))).toEqual(c.want));

  it("splits lists on commas outside quotes, brackets and comments", () => {
    expect(splitAddressList('a, "|prog a,b", Joe <j@x>, (c, d) e,, f')).toEqual(["a", '"|prog a,b"', "Joe <j@x>", "(c, d) e", "f"]);
  });

  it("works on a database built by newaliases", () => {
    const dir = join(tmp.dir, "db");
    mkdirSync(dir);
    writeFileSync(join(dir, "aliases"), ALIASES);
    rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`hash:${dir}/aliases`) });
    const m = openMap("hash", join(dir, "aliases"), { watch: false });
    const r = expandRecipients(["Staff", "postmaster"], { ...opts, lookup: (k) => m.lookup(k) });
    m.close();
    expect(show(r)).toEqual([
      "local:alice<owner-staff",
      "local:bob<owner-staff",
      "remote:carol@example.org<owner-staff",
      "file:/var/mail/archive/staff<owner-staff",
      "local:root",
      "remote:admin@example.com",
    ]);
  });
});

describe("include file checks", () => {
  const base = { uid: 1000, gid: 1000, isFile: true, isDirectory: false };
  const dirs = (mode: number): IncludeSystem => ({
    ...fakeSys,
    stat: (p) =>
      p === "/l/f" ? { ...base, mode: 0o100644 } : p === "/l" ? { uid: 0, gid: 0, mode, isFile: false, isDirectory: true } : { uid: 0, gid: 0, mode: 0o40755, isFile: false, isDirectory: true },
    readText: () => "a\n",
  });
  it("a group-writable directory on the path makes it unsafe", () => {
    const r = readInclude("/l/f", {}, dirs(0o40775));
    expect(r.ok && r.unsafeReason).toBe("group writable directory /l");
    const ok = readInclude("/l/f", { dontBlame: new Set(["IncludeFileInUnsafeDirPath"]) }, dirs(0o40775));
    expect(ok.ok && ok.safeForPrograms).toBe(true);
  });
  it("a sticky world-writable directory is fine", () => {
    const r = readInclude("/l/f", {}, dirs(0o41777));
    expect(r.ok && r.safeForPrograms).toBe(true);
  });
  it("an owner without a valid shell", () => {
    const r = readInclude("/l/f", {}, { ...dirs(0o40755), shellOf: () => "/usr/sbin/nologin" });
    expect(r.ok && r.unsafeReason).toBe("owner (uid 1000) has no valid shell");
  });
  it("relative paths and non-files are refused", () => {
    expect(readInclude("lists/x", {}, fakeSys)).toMatchObject({ ok: false, temporary: false });
    expect(readInclude("/lists", {}, fakeSys)).toMatchObject({ ok: false, error: "/lists: not a regular file" });
  });
});
