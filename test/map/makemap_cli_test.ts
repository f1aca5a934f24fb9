/*
 * makemap_cli_test - our makemap command line, in-process: options,
 * messages and exit statuses (as Debian's makemap 8.17 prints them), the
 * dump, and the safety rules (atomic replace, old map kept on bad input).
 */

import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAKEMAP_USAGE } from "../../src/map/makemap_cli.js";
import { ourMakemap, scratch } from "./helpers.js";

const tmp = scratch("mmcli-");
afterAll(() => tmp.cleanup());
const P = (n: string): string => join(tmp.dir, n);

describe("makemap command line", () => {
  const usageCases: Array<{ name: string; args: string[]; stderr: string }> = [
    { name: "no operands", args: [], stderr: MAKEMAP_USAGE },
    { name: "one operand", args: ["hash"], stderr: MAKEMAP_USAGE },
    { name: "three operands", args: ["hash", "a", "b"], stderr: MAKEMAP_USAGE },
    { name: "unknown option", args: ["-z"], stderr: "makemap: invalid option -- 'z'\n" + MAKEMAP_USAGE },
    { name: "missing argument", args: ["-t"], stderr: "makemap: option requires an argument -- 't'\n" + MAKEMAP_USAGE },
    { name: "-t eats the type", args: ["-t", "hash"], stderr: MAKEMAP_USAGE },
  ];
  for (const c of usageCases) {
    it(`usage: ${c.name}`, () => {
      const r = ourMakemap(c.args);
      expect(r.status).toBe(64);
      expect(r.stderr).toBe(c.stderr);
    });
  }

  it("-l and -x list the types, at once", () => {
    expect(ourMakemap(["-l"]).stdout).toBe("hash\nbtree\ncdb\nimplicit\n");
    expect(ourMakemap(["-x"]).stdout).toBe("hash:db\nbtree:db\ncdb:cdb\nimplicit:\n");
    expect(ourMakemap(["-l", "-u", "hash"]).status).toBe(0);
  });

  it("unknown type", () => {
    const r = ourMakemap(["foo", P("p")], "a b\n");
    expect(r).toMatchObject({ status: 73, stderr: `makemap: error opening type foo map ${P("p")}: Unknown database type\n` });
    expect(ourMakemap(["-i", "hash", "foo", P("fallback")], "a b\n").status).toBe(0);
    expect(existsSync(P("fallback.db"))).toBe(true);
  });

  it("-C with a missing file", () => {
    expect(ourMakemap(["-C", "/nonexistent/cf", "hash", P("x")], "a b\n")).toMatchObject({
      status: 66,
      stderr: "makemap: /nonexistent/cf: No such file or directory\n",
    });
  });

  it("builds and dumps, with clustered options and options after operands", () => {
    expect(ourMakemap(["hash", P("m1"), "-f"], "Foo Bar\nkey\tvalue with  spaces  \n").status).toBe(0);
    expect(ourMakemap(["-u", "hash", P("m1")]).stdout.split("\n").sort()).toEqual(["", "Foo\tBar", "key\tvalue with  spaces  "]);
    expect(ourMakemap(["-ut:", "hash", P("m1")]).stdout).toContain("Foo:Bar\n");
    expect(ourMakemap(["-u", "-t", "", "hash", P("m1")]).stderr).toBe("Invalid separator\n");
  });

  it("suffixes: .db added once, .cdb for cdb", () => {
    expect(ourMakemap(["hash", P("s1.db")], "a b\n").status).toBe(0);
    expect(existsSync(P("s1.db"))).toBe(true);
    expect(existsSync(P("s1.db.db"))).toBe(false);
    expect(ourMakemap(["cdb", P("s2")], "a b\n").status).toBe(0);
    expect(existsSync(P("s2.cdb"))).toBe(true);
    expect(ourMakemap(["-u", "implicit", P("s1")]).stdout).toBe("a\tb\n");
  });

  it("-N stores NULs; the dump prints up to them", () => {
    ourMakemap(["-N", "hash", P("n")], "Key Value\n");
    const db = readFileSync(P("n.db"));
    expect(db.includes(Buffer.from("key\0"))).toBe(true);
    expect(ourMakemap(["-u", "hash", P("n")]).stdout).toBe("key\tValue\n");
  });

  it("-v prints each pair", () => {
    expect(ourMakemap(["-v", "hash", P("v")], "A b\nc d\n").stdout).toBe("key=`a', val=`b'\nkey=`c', val=`d'\n");
  });

  it("bad input: errors name the map and line, exit 65, old map kept, no temp file left", () => {
    expect(ourMakemap(["hash", P("keep")], "good one\n").status).toBe(0);
    const before = readFileSync(P("keep.db"));
    const r = ourMakemap(["hash", P("keep")], "new map\n  lead\nk2\nFoo a\nfoo b\n");
    expect(r.status).toBe(65);
    expect(r.stderr).toBe(
      `makemap: ${P("keep")}: line 2: syntax error (leading space)\n` +
        `makemap: ${P("keep")}: line 3: no RHS for LHS k2\n` +
        `makemap: ${P("keep")}: line 5: key foo: duplicate key\n` +
        `makemap: ${P("keep")}: 3 errors in the input: ${P("keep.db")} not rebuilt\n`,
    );
    expect(readFileSync(P("keep.db")).equals(before)).toBe(true);
    expect(readdirSync(tmp.dir).filter((f) => f.includes(".new."))).toEqual([]);
  });

  it("-r replaces, -d keeps duplicates", () => {
    expect(ourMakemap(["-r", "hash", P("r")], "a b\na c\n").status).toBe(0);
    expect(ourMakemap(["-u", "hash", P("r")]).stdout).toBe("a\tc\n");
    expect(ourMakemap(["-d", "btree", P("d")], "a b\na c\n").status).toBe(0);
    expect(ourMakemap(["-u", "btree", P("d")]).stdout).toBe("a\tb\na\tc\n");
  });

  it("-o appends to the old map", () => {
    ourMakemap(["hash", P("o")], "a 1\n");
    expect(ourMakemap(["-o", "hash", P("o")], "b 2\n").status).toBe(0);
    expect(ourMakemap(["-u", "hash", P("o")]).stdout.split("\n").sort()).toEqual(["", "a\t1", "b\t2"]);
    expect(ourMakemap(["-o", "hash", P("o")], "a 3\n").status).toBe(65);
  });

  it("symbolic links are refused unless -s", () => {
    ourMakemap(["hash", P("target")], "a b\n");
    symlinkSync(P("target.db"), P("lnk.db"));
    expect(ourMakemap(["hash", P("lnk")], "x y\n")).toMatchObject({
      status: 73,
      stderr: `makemap: error opening type hash map ${P("lnk")}: Symbolic links not allowed\n`,
    });
    expect(ourMakemap(["-s", "hash", P("lnk")], "x y\n").status).toBe(0);
    expect(ourMakemap(["-u", "hash", P("target")]).stdout).toBe("x\ty\n");
  });

  it("dumping a missing or broken map", () => {
    expect(ourMakemap(["-u", "hash", P("nonexist")])).toMatchObject({
      status: 73,
      stderr: `makemap: error opening type hash map ${P("nonexist")}: No such file or directory\n`,
    });
    writeFileSync(P("garbage.db"), "garbage\n".repeat(100));
    const r = ourMakemap(["-u", "hash", P("garbage")]);
    expect(r.status).toBe(73);
    expect(r.stderr).toMatch(/^makemap: error opening type hash map .*garbage: not a Berkeley DB hash file\n$/);
  });

  it("an unwritable directory fails before reading input", () => {
    expect(ourMakemap(["hash", "/nonexistent-dir/x"], "a b\n")).toMatchObject({
      status: 73,
      stderr: "makemap: error opening type hash map /nonexistent-dir/x: No such file or directory\n",
    });
  });
});
