/*
 * cdb_oracle_test - our cdb maps and tinycdb (Debian's `cdb` tool): the
 * file our makemap writes is byte for byte the one `cdb -c` makes from the
 * same records, `cdb -q` and `cdb -d` read ours, and our reader answers
 * for files tinycdb made. Skipped where tinycdb is not installed.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openMapFileOnce } from "../../src/map/map.js";
import { CDB_TOOL, haveTool, ourMakemap, randomMapText, runReal, scratch } from "./helpers.js";

const available = haveTool(CDB_TOOL);
if (!available) console.log(`cdb_oracle_test skipped: ${CDB_TOOL} not installed (apt-get install tinycdb)`);

const tmp = scratch("cdb-");
afterAll(() => tmp.cleanup());

/** cdbmake input ("+klen,dlen:key->data") for key/value lines. */
function cdbmakeInput(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `+${k.length},${v.length}:${k}->${v}\n`).join("") + "\n";
}

/** Pairs as makemap reads simple "key value" lines (keys lower-cased). */
function pairsOf(text: string): Array<[string, string]> {
  return text
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => {
      const i = l.indexOf(" ");
      return [l.slice(0, i).toLowerCase(), l.slice(i + 1)];
    });
}

describe.skipIf(!available)("cdb: ours and tinycdb", () => {
  const text = "Foo bar\nuser@example.com local\n@example.com %1@mail.example\n" + randomMapText(5000, 31);
  const pairs = pairsOf(text);

  it("our file is the one cdb -c makes", () => {
    expect(ourMakemap(["cdb", join(tmp.dir, "ours")], text).status).toBe(0);
    const r = runReal([CDB_TOOL, "-c", join(tmp.dir, "theirs.cdb")], cdbmakeInput(pairs));
    expect(r.status).toBe(0);
    expect(readFileSync(join(tmp.dir, "ours.cdb")).equals(readFileSync(join(tmp.dir, "theirs.cdb")))).toBe(true);
  });

  it("cdb -q and cdb -d read ours", () => {
    const file = join(tmp.dir, "ours.cdb");
    for (const [k, v] of pairs.slice(0, 40).filter(([k]) => !k.startsWith("-"))) expect(runReal([CDB_TOOL, "-q", file, k]).stdout, k).toBe(v);
    expect(runReal([CDB_TOOL, "-q", file, "nothere"]).status).toBe(100);
    expect(runReal([CDB_TOOL, "-d", file]).stdout).toBe(cdbmakeInput(pairs));
  });

  it("our reader and makemap -u read tinycdb's files", () => {
    const file = join(tmp.dir, "tiny.cdb");
    const extra: Array<[string, string]> = [["dup", "first"], ["dup", "second"], ["", "empty key"]];
    writeFileSync(join(tmp.dir, "in.txt"), cdbmakeInput([...pairs, ...extra]));
    expect(runReal([CDB_TOOL, "-c", file], readFileSync(join(tmp.dir, "in.txt"))).status).toBe(0);
    const { reader, close } = openMapFileOnce("cdb", file);
    try {
      for (const [k, v] of pairs) expect(reader.get(Buffer.from(k, "latin1"))?.toString("latin1")).toBe(v);
      expect(reader.get(Buffer.from("dup"))?.toString()).toBe("first");
      expect(reader.get(Buffer.from(""))?.toString()).toBe("empty key");
    } finally {
      close();
    }
    const dump = ourMakemap(["-u", "cdb", file]).stdout;
    expect(dump).toBe([...pairs, ...extra].map(([k, v]) => `${k}\t${v}\n`).join(""));
  });
});
