/*
 * launchers_test - the installed commands (bin/makemap, bin/newaliases,
 * bin/praliases on the compiled dist/) end to end, and atomic replacement
 * seen from a running reader: while makemap rebuilds a map over and over
 * in another process, every lookup answers with the old or the new value,
 * never "notfound" or "tempfail". Needs `npm run build` first (npm test
 * does it); skipped otherwise.
 */

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openMap } from "../../src/map/map.js";
import { scratch } from "./helpers.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BIN = (n: string): string => join(ROOT, "bin", n);
const built = ["makemap", "newaliases", "praliases"].every((n) => existsSync(join(ROOT, "dist", "cli", `${n}.js`)));
if (!built) console.log("launchers_test skipped: dist/cli/{makemap,newaliases,praliases}.js not built (npm run build)");

const tmp = scratch("launch-");
afterAll(() => tmp.cleanup());

/** Run a launcher synchronously. */
function run(cmd: string, args: string[], input = ""): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(BIN(cmd), args, { input, encoding: "latin1" });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

describe.skipIf(!built)("command launchers", () => {
  it("makemap builds and dumps", () => {
    const base = join(tmp.dir, "access");
    expect(run("makemap", ["hash", base], "Connect:127.0.0.1 RELAY\nFrom:spam.example REJECT\n")).toMatchObject({ status: 0, stderr: "" });
    expect(run("makemap", ["-u", "hash", base]).stdout.split("\n").sort()).toEqual(["", "connect:127.0.0.1\tRELAY", "from:spam.example\tREJECT"]);
    expect(run("makemap", ["-l"]).stdout).toBe("hash\nbtree\ncdb\nimplicit\n");
    const bad = run("makemap", ["-z"]);
    expect(bad.status).toBe(64);
    expect(bad.stderr).toContain("invalid option -- 'z'");
  });

  it("newaliases and praliases", () => {
    const dir = join(tmp.dir, "al");
    mkdirSync(dir);
    writeFileSync(join(dir, "aliases"), "postmaster: root\nStaff: alice,\n  bob\n");
    writeFileSync(join(dir, "test.cf"), `O AliasFile=hash:${dir}/aliases\n`);
    expect(run("newaliases", ["-C", join(dir, "test.cf")])).toMatchObject({
      status: 0,
      // longest value "alice,  bob"; total = names + values
      stdout: `${dir}/aliases: 2 aliases, longest ${"alice,  bob".length} bytes, ${"postmasterroot".length + "staffalice,  bob".length} bytes total\n`,
    });
    expect(run("praliases", ["-C", join(dir, "test.cf"), "staff", "nobody"]).stdout).toBe("staff:alice,  bob\nnobody: No such key\n");
  });

  it("a reader never sees a half-written map", async () => {
    const base = join(tmp.dir, "live");
    const text = (v: string): string => Array.from({ length: 20000 }, (_, i) => `key${i} ${v}${i}\n`).join("");
    expect(run("makemap", ["hash", base], text("old")).status).toBe(0);
    writeFileSync(join(tmp.dir, "new.txt"), text("new"));
    writeFileSync(join(tmp.dir, "old.txt"), text("old"));
    const script = `for i in 1 2 3 4 5 6; do "${BIN("makemap")}" hash "${base}" < "${tmp.dir}/new.txt" || exit 1; "${BIN("makemap")}" hash "${base}" < "${tmp.dir}/old.txt" || exit 1; done`;
    const writer = spawn("/bin/sh", ["-c", script], { stdio: "ignore" });
    const done = new Promise<number>((res) => writer.on("exit", (c) => res(c ?? -1)));
    let finished = false;
    void done.then(() => (finished = true));
    const m = openMap("hash", base, { checkIntervalMs: 0, watch: false });
    const seen = new Set<string>();
    let lookups = 0;
    while (!finished) {
      for (let j = 0; j < 200; j++) {
        const i = (lookups++ * 7) % 20000;
        const r = m.lookup(`key${i}`);
        if (r.kind !== "found") seen.add(r.kind);
        else seen.add(r.value.startsWith("old") ? "old" : r.value.startsWith("new") ? "new" : `bad ${r.value}`);
      }
      await new Promise((res) => setImmediate(res));
    }
    m.close();
    expect(await done).toBe(0);
    expect([...seen].filter((k) => k !== "old" && k !== "new")).toEqual([]);
    expect(seen.has("new")).toBe(true);
  }, 120_000);
});
