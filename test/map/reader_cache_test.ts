/*
 * reader_cache_test - the readers' shortcuts never change an answer: the
 * hash reader's negative cache (key hashes of buckets it has scanned) after
 * misses in every bucket, with long keys on overflow pages and keys that
 * differ only by a trailing NUL; cdb's slot runs on tables that wrap
 * around; off-page duplicate sets give their first value.
 */

import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MapBuilder, type WritableType } from "../../src/map/builder.js";
import { openMap, openMapFileOnce } from "../../src/map/map.js";
import { replaceFileAtomically } from "../../src/map/atomic.js";
import { rng, scratch } from "./helpers.js";

const tmp = scratch("rcache-");
afterAll(() => tmp.cleanup());

/** Build a map from pairs; returns its base path. */
function build(type: WritableType, pairs: Array<[string, string]>, name: string, dup = false): string {
  const b = new MapBuilder(type, { allowDups: dup, nelemHint: 4096 });
  for (const [k, v] of pairs) b.put(Buffer.from(k, "latin1"), Buffer.from(v, "latin1"), dup ? "dup" : "insert");
  const base = join(tmp.dir, name);
  replaceFileAtomically(`${base}.${type === "cdb" ? "cdb" : "db"}`, 0o640, (fd) => b.writeTo(fd));
  return base;
}

describe("reader shortcuts", () => {
  for (const type of ["hash", "cdb", "btree"] as const) {
    it(`${type}: every key found after misses everywhere`, () => {
      const r = rng(99);
      const pairs: Array<[string, string]> = [];
      for (let i = 0; i < 6000; i++) pairs.push([`k${i}.${Math.floor(r() * 1e6)}`, `v${i}`]);
      pairs.push(["x".repeat(1500), "long key"], ["y".repeat(3000) + "1", "longer key"]);
      pairs.push(["nul\0", "with nul"], ["plain", "no nul"]);
      const base = build(type, pairs, `all-${type}`);
      const m = openMap(type, base, { watch: false, keepCase: true });
      // misses first, so the negative cache covers (nearly) every bucket
      for (let i = 0; i < 20000; i++) expect(m.lookup(`miss${i}`).kind).toBe("notfound");
      for (const [k, v] of pairs) {
        if (k.endsWith("\0")) continue;
        expect(m.lookup(k), k.slice(0, 20)).toEqual({ kind: "found", value: v });
      }
      // sendmail's NUL handling: "nul" is found with its NUL
      const fresh = openMap(type, base, { watch: false, keepCase: true });
      for (let i = 0; i < 3000; i++) fresh.lookup(`other${i}`);
      expect(fresh.lookup("nul")).toEqual({ kind: "found", value: "with nul" });
      fresh.close();
      for (let i = 0; i < 2000; i++) expect(m.lookup(`miss${i}`).kind).toBe("notfound");
      m.close();
    });
  }

  it("hash: off-page duplicate sets give their first value, and all values in order", () => {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < 3000; i++) pairs.push([`d${i % 5}`, `value-${i}-${"z".repeat(i % 30)}`]);
    for (let i = 0; i < 500; i++) pairs.push([`s${i}`, `one${i}`]);
    const base = build("hash", pairs, "dups", true);
    const m = openMap("hash", base, { watch: false });
    for (let j = 0; j < 5; j++) expect(m.lookup(`d${j}`)).toEqual({ kind: "found", value: pairs[j]![1] });
    m.close();
    const { reader, close } = openMapFileOnce("hash", `${base}.db`);
    const got = new Map<string, string[]>();
    for (const [k, v] of reader.entries()) {
      const key = k.toString("latin1");
      got.set(key, [...(got.get(key) ?? []), v.toString("latin1")]);
    }
    close();
    for (let j = 0; j < 5; j++) expect(got.get(`d${j}`)).toEqual(pairs.filter(([k]) => k === `d${j}`).map(([, v]) => v));
  });
});
