/*
 * formats_test - our writers and readers agree with each other for every
 * format, on small, empty, large, long-item and duplicate-key maps, and
 * damaged files are reported as format errors, never as missing keys.
 */

import { closeSync, openSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MapBuilder, type WritableType } from "../../src/map/builder.js";
import { MapFormatError } from "../../src/map/bdb_common.js";
import { openMapFileOnce } from "../../src/map/map.js";
import { replaceFileAtomically } from "../../src/map/atomic.js";
import { rng, scratch } from "./helpers.js";

const tmp = scratch("formats-");
afterAll(() => tmp.cleanup());

/** Build a map file from pairs; returns its path. */
function build(type: WritableType, pairs: Array<[string, string]>, name: string, mode: "insert" | "replace" | "dup" = "insert"): string {
  const b = new MapBuilder(type, { allowDups: mode === "dup", nelemHint: 4096 });
  for (const [k, v] of pairs) b.put(Buffer.from(k, "latin1"), Buffer.from(v, "latin1"), mode);
  const file = join(tmp.dir, `${name}.${type === "cdb" ? "cdb" : "db"}`);
  replaceFileAtomically(file, 0o640, (fd) => b.writeTo(fd));
  return file;
}

/** Random pairs with distinct keys. */
function pairs(n: number, seed: number, vlen: () => number): Array<[string, string]> {
  const r = rng(seed);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < n; i++) out.push([`k${i}.${Math.floor(r() * 1e9).toString(36)}`, "v".repeat(vlen()) + i]);
  return out;
}

const types: WritableType[] = ["hash", "btree", "cdb"];

describe.each(types)("%s maps round-trip", (type) => {
  const sets: Array<{ name: string; data: Array<[string, string]> }> = [
    { name: "empty", data: [] },
    { name: "one", data: [["a", "b"]] },
    { name: "prefixes", data: [["a", "1"], ["ab", "2"], ["abc", "3"], ["staff", "x"], ["staff-request", "y"], ["staf", "z"]] },
    { name: "binary", data: [["k\0nul", "v\0nul"], ["\xff\xfe", "\x01\x02"], ["", "empty key"]] },
    { name: "thousands", data: pairs(5000, 1, () => 20) },
    { name: "long values", data: pairs(300, 2, ((r) => () => [10, 1000, 1024, 1025, 4070, 5000, 20000][Math.floor(r() * 7)]!)(rng(9))) },
    { name: "long keys", data: [["K".repeat(1500), "big key"], ["k".repeat(5000), "bigger key"], ["short", "s"]] },
  ];
  for (const s of sets) {
    it(s.name, () => {
      const file = build(type, s.data, `${type}-${s.name}`);
      const { reader, close } = openMapFileOnce(type, file);
      try {
        for (const [k, v] of s.data) expect(reader.get(Buffer.from(k, "latin1"))?.toString("latin1")).toBe(v);
        expect(reader.get(Buffer.from("not-a-key-\x01"))).toBeNull();
        const all = [...reader.entries()].map(([k, v]) => `${k.toString("latin1")}=${v.toString("latin1")}`).sort();
        expect(all).toEqual(s.data.map(([k, v]) => `${k}=${v}`).sort());
      } finally {
        close();
      }
    });
  }

  it("duplicate keys (-d) keep every value, the first one found first", () => {
    const data: Array<[string, string]> = [["a", "one"], ["b", "x"], ["a", "two"], ["a", "three"]];
    const file = build(type, data, `${type}-dups`, "dup");
    const { reader, close } = openMapFileOnce(type, file);
    try {
      expect(reader.get(Buffer.from("a"))?.toString()).toBe("one");
      expect([...reader.entries()].filter(([k]) => k.toString() === "a").map(([, v]) => v.toString())).toEqual(["one", "two", "three"]);
    } finally {
      close();
    }
  });

  it("replacing (-r) keeps the last value", () => {
    const data: Array<[string, string]> = [["a", "one"], ["a", "x".repeat(900)], ["a", "three"]];
    const file = build(type, data, `${type}-repl`, "replace");
    const { reader, close } = openMapFileOnce(type, file);
    try {
      expect(reader.get(Buffer.from("a"))?.toString()).toBe("three");
      expect([...reader.entries()]).toHaveLength(1);
    } finally {
      close();
    }
  });

  it("a truncated file is a format error", () => {
    const file = build(type, pairs(3000, 3, () => 30), `${type}-trunc`);
    const size = readFileSync(file).length;
    truncateSync(file, Math.floor(size / 2) - (type === "cdb" ? 0 : 4096));
    let caught: unknown = null;
    try {
      const { reader, close } = openMapFileOnce(type, file);
      try {
        for (const [k] of pairs(3000, 3, () => 30)) reader.get(Buffer.from(k));
        [...reader.entries()];
      } finally {
        close();
      }
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MapFormatError);
  });

  it("a file that is not a map is a format error", () => {
    const file = join(tmp.dir, `garbage-${type}`);
    writeFileSync(file, "this is not a database\n".repeat(200));
    expect(() => openMapFileOnce(type, file)).toThrow(MapFormatError);
    const empty = join(tmp.dir, `empty-${type}`);
    closeSync(openSync(empty, "w"));
    expect(() => openMapFileOnce(type, empty)).toThrow(MapFormatError);
  });
});

describe("format cross-checks", () => {
  it("a hash reader refuses a btree file and the other way round", () => {
    const h = build("hash", [["a", "b"]], "x-hash");
    const b = build("btree", [["a", "b"]], "x-btree");
    expect(() => openMapFileOnce("hash", b)).toThrow(/btree file, not hash/);
    expect(() => openMapFileOnce("btree", h)).toThrow(/hash file, not btree/);
    expect(openMapFileOnce("implicit", b).reader.get(Buffer.from("a"))?.toString()).toBe("b");
    expect(openMapFileOnce("implicit", h).reader.get(Buffer.from("a"))?.toString()).toBe("b");
  });
});
