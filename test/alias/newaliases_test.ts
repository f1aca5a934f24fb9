/*
 * newaliases_test - AliasFile specs, and our newaliases on its own: the
 * "@" marker, -N databases, other formats, statistics, and the old
 * database kept when the aliases file has errors.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAliasFileOption } from "../../src/alias/aliasfile.js";
import { rebuildAliases } from "../../src/alias/newaliases.js";
import { newaliasesMain } from "../../src/alias/newaliases_cli.js";
import { openMap, openMapFileOnce } from "../../src/map/map.js";
import { captureIO, scratch } from "../map/helpers.js";

const tmp = scratch("newaliases-");
afterAll(() => tmp.cleanup());
let serial = 0;

/** A fresh directory with an aliases file. */
function aliasesDir(text: string): string {
  const dir = join(tmp.dir, `d${++serial}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "aliases"), text);
  return dir;
}

describe("AliasFile option", () => {
  const cases: Array<[string, Array<{ cls: string; file: string; nul: boolean }>]> = [
    ["/etc/mail/aliases", [{ cls: "implicit", file: "/etc/mail/aliases", nul: false }]],
    ["hash:/etc/mail/aliases", [{ cls: "hash", file: "/etc/mail/aliases", nul: false }]],
    ["hash:-N /etc/mail/aliases", [{ cls: "hash", file: "/etc/mail/aliases", nul: true }]],
    [
      "/etc/mail/aliases, btree:/etc/mail/more ,cdb:/x",
      [
        { cls: "implicit", file: "/etc/mail/aliases", nul: false },
        { cls: "btree", file: "/etc/mail/more", nul: false },
        { cls: "cdb", file: "/x", nul: false },
      ],
    ],
    ["nis:mail.aliases", [{ cls: "nis", file: "mail.aliases", nul: false }]],
  ];
  for (const [value, want] of cases) {
    it(value, () => expect(parseAliasFileOption(value).map(({ cls, file, nul }) => ({ cls, file, nul }))).toEqual(want));
  }
});

describe("newaliases", () => {
  it("builds the database with the @ marker and prints the statistics", () => {
    const dir = aliasesDir("postmaster: root\nMAILER-DAEMON: postmaster\n");
    const r = rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`${dir}/aliases`) });
    const total = "postmasterroot".length + "mailer-daemonpostmaster".length;
    expect(r).toEqual({ stdout: `${dir}/aliases: 2 aliases, longest 10 bytes, ${total} bytes total\n`, stderr: "", status: 0 });
    const { reader, close } = openMapFileOnce("hash", `${dir}/aliases.db`);
    expect([...reader.entries()].map(([k, v]) => `${k}:${v}`).sort()).toEqual(["@:@", "mailer-daemon:postmaster", "postmaster:root"]);
    close();
  });

  it("-N stores NULs, and lookups find them", () => {
    const dir = aliasesDir("postmaster: root\n");
    rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`hash:-N ${dir}/aliases`) });
    expect(readFileSync(`${dir}/aliases.db`).includes(Buffer.from("postmaster\0"))).toBe(true);
    const m = openMap("hash", `${dir}/aliases`, { watch: false });
    expect(m.lookup("Postmaster")).toEqual({ kind: "found", value: "root" });
    m.close();
  });

  it("btree and cdb databases", () => {
    const dir = aliasesDir("a: b\n");
    rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`btree:${dir}/aliases,cdb:${dir}/aliases`) });
    for (const t of ["btree", "cdb"] as const) {
      const m = openMap(t, `${dir}/aliases`, { watch: false });
      expect(m.lookup("a")).toEqual({ kind: "found", value: "b" });
      m.close();
    }
  });

  it("errors keep the old database; warnings do not", () => {
    const dir = aliasesDir("a: b\n");
    rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`${dir}/aliases`) });
    const before = readFileSync(`${dir}/aliases.db`);
    writeFileSync(join(dir, "aliases"), "a: c\nnocolon\n");
    const r = rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`${dir}/aliases`) });
    expect(r.status).toBe(70);
    expect(r.stdout).toBe(`${dir}/aliases: line 2: missing colon\n${dir}/aliases: 1 error(s): database not rebuilt, old one kept\n`);
    expect(readFileSync(`${dir}/aliases.db`).equals(before)).toBe(true);
    writeFileSync(join(dir, "aliases"), "a: c\nA: d\n");
    const w = rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`${dir}/aliases`) });
    expect(w.status).toBe(0);
    expect(w.stdout.split("\n")[0]).toBe(`${dir}/aliases: line 2: A... Warning: duplicate alias name a`);
    const m = openMap("hash", `${dir}/aliases`, { watch: false });
    expect(m.lookup("a")).toEqual({ kind: "found", value: "d" });
    m.close();
  });

  it("missing aliases file, unknown class, unreadable cf", () => {
    const dir = join(tmp.dir, "none");
    expect(rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption(`${dir}/aliases`) })).toMatchObject({
      stdout: `newaliases: cannot open ${dir}/aliases: No such file or directory\n`,
      status: 0,
    });
    expect(rebuildAliases({ prog: "newaliases", databases: parseAliasFileOption("nis:mail.aliases") })).toMatchObject({
      stdout: "setalias: unknown alias class nis\n",
      status: 70,
    });
    const c = captureIO();
    expect(newaliasesMain(["-C", "/nonexistent.cf"], c.io)).toBe(72);
    expect(c.result().stdout).toBe("/nonexistent.cf: line 0: cannot open: No such file or directory\n");
    expect(existsSync(`${dir}/aliases.db`)).toBe(false);
  });
});
