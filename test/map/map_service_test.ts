/*
 * map_service_test - openMap(): sendmail's key rules (case folding, the
 * NUL variants of -N/-O), tempfail (never notfound) for unreadable maps,
 * optional maps, and reopening a map rebuilt under a running reader.
 */

import { renameSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MapBuilder, type WritableType } from "../../src/map/builder.js";
import { replaceFileAtomically } from "../../src/map/atomic.js";
import { mapFilePath, openMap } from "../../src/map/map.js";
import { haveTool, REAL_MAKEMAP, runReal, scratch } from "./helpers.js";

const tmp = scratch("mapsvc-");
afterAll(() => tmp.cleanup());

/** Write map `name` of the type from pairs (raw bytes as latin1 strings). */
function write(type: WritableType, name: string, pairs: Array<[string, string]>): string {
  const b = new MapBuilder(type);
  for (const [k, v] of pairs) b.put(Buffer.from(k, "latin1"), Buffer.from(v, "latin1"), "insert");
  const base = join(tmp.dir, name);
  replaceFileAtomically(mapFilePath(type, base), 0o640, (fd) => b.writeTo(fd));
  return base;
}

describe.each(["hash", "btree", "cdb"] as const)("openMap %s", (type) => {
  const plain = write(type, `plain-${type}`, [["foo", "bar"], ["Upper", "kept case"], ["user@example.com", "local"]]);
  const withNul = write(type, `nul-${type}`, [["foo\0", "bar\0"]]);

  const cases: Array<{ name: string; base: string; opts: Parameters<typeof openMap>[2]; key: string; want: string | null }> = [
    { name: "plain key", base: plain, opts: {}, key: "foo", want: "bar" },
    { name: "keys are folded", base: plain, opts: {}, key: "FOO", want: "bar" },
    { name: "-f: no folding", base: plain, opts: { keepCase: true }, key: "FOO", want: null },
    { name: "-f: exact case", base: plain, opts: { keepCase: true }, key: "Upper", want: "kept case" },
    { name: "folding misses a mixed-case key", base: plain, opts: {}, key: "Upper", want: null },
    { name: "missing key", base: plain, opts: {}, key: "nothere", want: null },
    { name: "default tries the NUL variant", base: withNul, opts: {}, key: "foo", want: "bar" },
    { name: "-N finds a NUL key", base: withNul, opts: { nul: "with" }, key: "foo", want: "bar" },
    { name: "-O does not", base: withNul, opts: { nul: "without" }, key: "foo", want: null },
    { name: "-N misses a plain key", base: plain, opts: { nul: "with" }, key: "foo", want: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = openMap(type, c.base, { ...c.opts, watch: false });
      try {
        const r = m.lookup(c.key);
        expect(r).toEqual(c.want === null ? { kind: "notfound" } : { kind: "found", value: c.want });
      } finally {
        m.close();
      }
    });
  }

  it("a missing map is tempfail, or notfound when optional", () => {
    const m = openMap(type, join(tmp.dir, "absent"), { watch: false });
    expect(m.lookup("x").kind).toBe("tempfail");
    m.close();
    const o = openMap(type, join(tmp.dir, "absent"), { optional: true, watch: false });
    expect(o.lookup("x")).toEqual({ kind: "notfound" });
    o.close();
  });

  it("garbage and truncated files are tempfail with a reason naming the file", () => {
    const g = join(tmp.dir, `garbage-${type}`);
    writeFileSync(mapFilePath(type, g), "not a map\n".repeat(1000));
    const m = openMap(type, g, { watch: false });
    const r = m.lookup("foo");
    expect(r.kind).toBe("tempfail");
    if (r.kind === "tempfail") expect(r.reason).toContain(mapFilePath(type, g));
    m.close();
    const big = write(type, `big-${type}`, Array.from({ length: 3000 }, (_, i): [string, string] => [`key${i}`, `value${i}`]));
    truncateSync(mapFilePath(type, big), 3 * 4096 + 100);
    const t = openMap(type, big, { watch: false, checkIntervalMs: 0 });
    const kinds = new Set<string>();
    for (let i = 0; i < 3000; i += 7) kinds.add(t.lookup(`key${i}`).kind);
    expect(kinds.has("tempfail")).toBe(true);
    expect(kinds.has("notfound")).toBe(false);
    t.close();
  });

  it("a map rebuilt on disk is seen by the next lookup", () => {
    const base = write(type, `live-${type}`, [["k", "old"]]);
    const m = openMap(type, base, { checkIntervalMs: 0, watch: false });
    try {
      expect(m.lookup("k")).toEqual({ kind: "found", value: "old" });
      write(type, `live-${type}`, [["k", "new"], ["k2", "added"]]);
      expect(m.lookup("k")).toEqual({ kind: "found", value: "new" });
      expect(m.lookup("k2")).toEqual({ kind: "found", value: "added" });
      rmSync(mapFilePath(type, base));
      expect(m.lookup("k").kind).toBe("tempfail");
      write(type, `live-${type}`, [["k", "back"]]);
      expect(m.lookup("k")).toEqual({ kind: "found", value: "back" });
    } finally {
      m.close();
    }
  });

  it("the directory watch marks a replaced map stale even with a long check interval", async () => {
    const base = write(type, `watched-${type}`, [["k", "old"]]);
    const m = openMap(type, base, { checkIntervalMs: 3_600_000 });
    try {
      expect(m.lookup("k")).toEqual({ kind: "found", value: "old" });
      const other = write(type, `watched-src-${type}`, [["k", "new"]]);
      renameSync(mapFilePath(type, other), mapFilePath(type, base));
      let r = m.lookup("k");
      for (let i = 0; i < 50 && !(r.kind === "found" && r.value === "new"); i++) {
        await new Promise((res) => setTimeout(res, 20));
        r = m.lookup("k");
      }
      expect(r).toEqual({ kind: "found", value: "new" });
    } finally {
      m.close();
    }
  });
});

describe.skipIf(!haveTool(REAL_MAKEMAP))("maps rebuilt in place by Debian's makemap", () => {
  it("are reopened by the next lookup", () => {
    const base = join(tmp.dir, "real-inplace");
    expect(runReal([REAL_MAKEMAP, "hash", base], "k old\n").status).toBe(0);
    const m = openMap("hash", base, { checkIntervalMs: 0, watch: false });
    try {
      expect(m.lookup("k")).toEqual({ kind: "found", value: "old" });
      expect(runReal([REAL_MAKEMAP, "hash", base], "k new\nk2 more\n").status).toBe(0);
      expect(m.lookup("k")).toEqual({ kind: "found", value: "new" });
      expect(m.lookup("k2")).toEqual({ kind: "found", value: "more" });
    } finally {
      m.close();
    }
  });
});
