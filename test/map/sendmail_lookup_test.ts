/*
 * sendmail_lookup_test - real sendmail 8.17 reads the maps we write: the
 * same /map lookups in `sendmail -bt` on our map and on the map real
 * makemap built from the same text give the same answers, for hash and
 * btree, with and without -N (K line -N / -O) and -f, hash with duplicate
 * keys (-d, sets on the page and in off-page trees); and our openMap()
 * gives those answers too (values through mapRewrite, as map_lookup does). Skipped where the oracle sandbox is unavailable.
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openMap, type MapOptions } from "../../src/map/map.js";
import { mapRewrite } from "../../src/map/rewrite.js";
import { oracleAvailable, runBt, splitBtAnswers } from "../oracle/sendmail_oracle.js";
import { haveTool, ourMakemap, randomMapText, REAL_MAKEMAP, runReal, scratch } from "./helpers.js";

const avail = oracleAvailable();
const available = avail.ok && haveTool(REAL_MAKEMAP);
if (!available) console.log(`sendmail_lookup_test skipped: ${avail.ok ? `${REAL_MAKEMAP} missing` : avail.reason}`);

const tmp = scratch("smlookup-");
afterAll(() => tmp.cleanup());

const TEXT =
  "Connect:127.0.0.1 RELAY\nFrom:bad@example.net REJECT\nTo:friend.example RELAY\n" +
  "MixedCase Value\n@example.com %1@mail.example.com\nuser@example.com local\n" +
  randomMapText(1500, 21);

/** Text with duplicate keys (makemap -d): sets on the page, past a quarter page, over many tree pages. */
const DUP_TEXT =
  Array.from({ length: 700 }, (_, i) => `offpage${i % 3} first-of-${i}-${"x".repeat(i % 40)}\n`).join("") +
  "small a\nsmall b\n" +
  randomMapText(3000, 23, { dupKeys: true });

/** One map under test: K line name, class, flags, file, and what openMap needs. */
interface MapUnderTest {
  readonly name: string;
  readonly cls: "hash" | "btree";
  readonly kflags: string;
  readonly base: string;
  readonly opts: MapOptions;
}

describe.skipIf(!available)("sendmail -bt /map on our maps and on real makemap's", () => {
  it("gives the same answers", async () => {
    const maps: MapUnderTest[] = [];
    const variants: Array<{ tag: string; cls: "hash" | "btree"; mmArgs: string[]; kflags: string; opts: MapOptions; text?: string }> = [
      { tag: "hd", cls: "hash", mmArgs: ["-d"], kflags: "", opts: {}, text: DUP_TEXT },
      { tag: "h", cls: "hash", mmArgs: [], kflags: "", opts: {} },
      { tag: "b", cls: "btree", mmArgs: [], kflags: "", opts: {} },
      { tag: "hf", cls: "hash", mmArgs: ["-f"], kflags: "-f", opts: { keepCase: true } },
      { tag: "hn", cls: "hash", mmArgs: ["-N"], kflags: "-N", opts: { nul: "with" } },
      { tag: "hno", cls: "hash", mmArgs: ["-N"], kflags: "-O", opts: { nul: "without" } },
      { tag: "bn", cls: "btree", mmArgs: ["-N"], kflags: "", opts: {} },
    ];
    for (const v of variants) {
      for (const who of ["ours", "real"] as const) {
        const base = join(tmp.dir, `${who}-${v.tag}`);
        const r = who === "ours" ? ourMakemap([...v.mmArgs, v.cls, base], v.text ?? TEXT) : runReal([REAL_MAKEMAP, ...v.mmArgs, v.cls, base], v.text ?? TEXT);
        expect(r.status).toBe(0);
        maps.push({ name: `${who}_${v.tag}`, cls: v.cls, kflags: v.kflags, base, opts: v.opts });
      }
    }
    const rwBase = join(tmp.dir, "rw");
    const rwValue = "a%%b%xc%1d%0e%9f%";
    expect(ourMakemap(["hash", rwBase], `key ${rwValue}\n`).status).toBe(0);
    const cf = join(tmp.dir, "lookup.cf");
    writeFileSync(
      cf,
      "V10/Berkeley\n" +
        `O QueueDirectory=${tmp.dir}\n` +
        "O DontBlameSendmail=MapInUnsafeDirPath\n" +
        "Mlocal, P=/bin/true, F=lsDFMAw5:/|@q, S=10/30, R=20/40, A=true\n" +
        "Mprog, P=/bin/sh, F=lsDFMoqeu9, S=10/30, R=20/40, D=$z:/, A=sh -c $u\n" +
        maps.map((m) => `K${m.name} ${m.cls} ${m.kflags} ${m.base}\n`).join("") +
        `Krw hash ${rwBase}\n` +
        "Srw\nR$+\t$: $(rw $1 $@ ARG1 $@ ARG2 $)\n",
    );
    const keys = (TEXT + DUP_TEXT.split("\n").filter((_, i) => i >= 690).join("\n"))
      .split("\n")
      .filter((l, i) => l.length > 0 && i % 9 === 0)
      .map((l) => l.split(/\s/)[0]!)
      .concat(["offpage0", "offpage1", "offpage2", "small", "connect:127.0.0.1", "CONNECT:127.0.0.1", "mixedcase", "MixedCase", "nothere", "@example.com", "USER@EXAMPLE.COM"]);
    const lines = maps.flatMap((m) => keys.map((k) => `/map ${m.name} ${k}`)).concat(["rw KEY"]);
    const r = await runBt(cf, lines);
    const answers = splitBtAnswers(r.stdout, lines).slice(1);
    expect(answers).toHaveLength(lines.length);
    // %n arguments: sendmail's map_rewrite and ours
    expect(answers[lines.length - 1]).toContain(`returns: ${mapRewrite(rwValue, "KEY", ["ARG1", "ARG2"])}\n`);
    const byMap = new Map<string, string[]>();
    maps.forEach((m, mi) => byMap.set(m.name, answers.slice(mi * keys.length, (mi + 1) * keys.length).map((a) => a.split(m.name).join("MAP"))));
    for (const v of variants) expect(byMap.get(`ours_${v.tag}`), `map ${v.tag}`).toEqual(byMap.get(`real_${v.tag}`));
    // and our reader answers like sendmail
    for (const m of maps) {
      const h = openMap(m.cls, m.base, { ...m.opts, watch: false });
      const got = keys.map((k) => {
        const res = h.lookup(k);
        return res.kind === "found" ? `map_lookup: MAP (${k}) returns ${mapRewrite(res.value, k)} (0)\n` : `map_lookup: MAP (${k}) no match (0)\n`;
      });
      h.close();
      expect(got, `openMap ${m.name}`).toEqual(byMap.get(m.name));
    }
  }, 120_000);
});
