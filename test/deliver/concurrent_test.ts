// 20 deliveries of ours in parallel with procmail and real mail.local writing
// the same mailbox and s-nail reading it: every message must be there once,
// whole, and not interleaved with another. As root the run happens in a
// private mount namespace (tmpfs over /var/mail) so mail.local can take part;
// otherwise in a temporary directory with procmail only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { have, oracleUnavailable, splitMbox } from "./helpers.js";

const DIST = resolve(__dirname, "../../dist");
const DRIVER = resolve(__dirname, "fixtures/concurrent_driver.mjs");
const LINES = 400;
const N_OURS = 20;
const N_PROCMAIL = have("procmail") ? 4 : 0;
const realWhy = oracleUnavailable();
const N_MAIL_LOCAL = realWhy === null ? 4 : 0;
if (N_PROCMAIL === 0) console.log("concurrency: procmail not installed (apt-get install procmail): ours only");
if (realWhy !== null) console.log(`concurrency: real mail.local left out: ${realWhy}`);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "deliver-conc-"));
  writeFileSync(join(dir, "passwd"), "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("concurrent delivery", () => {
  it("loses and interleaves nothing", () => {
    const copy = join(dir, "result");
    const args = (spool: string): string[] => [DRIVER, DIST, spool, join(dir, "passwd"), String(N_OURS), String(N_PROCMAIL), String(N_MAIL_LOCAL), copy];
    const r =
      realWhy === null
        ? spawnSync("unshare", ["--mount", "sh", "-c", 'mount -t tmpfs -o mode=1777 tmpfs /var/mail && exec "$0" "$@"', process.execPath, ...args("/var/mail")], {
            encoding: "latin1",
            timeout: 60_000,
          })
        : spawnSync(process.execPath, args(dir), { encoding: "latin1", timeout: 60_000 });
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as {
      first: { dsn: string };
      results: Array<{ who: string; dsn?: string; code?: number; err?: string }>;
      readers: Array<{ code: number; out: string; err?: string }>;
    };
    expect(report.first.dsn).toBe("2.0.0");
    for (const x of report.results) {
      if (x.who.startsWith("ours")) expect(x.dsn, x.who).toBe("2.0.0");
      else expect(x.code, `${x.who}: ${x.err ?? ""}`).toBe(0);
    }
    const entries = splitMbox(readFileSync(copy, "latin1"));
    const seen = new Map<string, number>();
    for (const e of entries) {
      const id = /\nSubject: msg (\S+)\n/.exec(e)?.[1];
      expect(id, e.slice(0, 200)).toBeDefined();
      seen.set(id!, (seen.get(id!) ?? 0) + 1);
      const body = e.slice(e.indexOf("\n\n") + 2).split("\n").filter((l) => l !== "" && !l.startsWith("Content-Length"));
      expect(body, `${id!} body`).toHaveLength(LINES);
      body.forEach((l, i) => expect(l).toBe(`${id!} line ${i} ${"x".repeat(60)}`));
    }
    const want = ["ours-first", ...Array.from({ length: N_OURS }, (_, i) => `ours-${i}`), ...Array.from({ length: N_PROCMAIL }, (_, i) => `procmail-${i}`), ...Array.from({ length: N_MAIL_LOCAL }, (_, i) => `maillocal-${i}`)];
    expect([...seen.keys()].sort()).toEqual(want.sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // s-nail read the mailbox while it was written: every message it listed
    // was whole (a line count and size, and the subject of one of ours);
    // its sender column is cut to the terminal width, so it is not checked.
    for (const rd of report.readers) {
      // a reader that never got its read lock listed nothing: that proves nothing
      expect(rd.code, rd.err).toBe(0);
      const listed = rd.out.split("\n").filter((l) => l.trim() !== "");
      expect(listed.length).toBeGreaterThan(0);
      for (const line of listed) expect(line).toMatch(/ \d+\/\d+ msg (ours|procmail|maillocal)-\S+\s*$/);
    }
  });
});
