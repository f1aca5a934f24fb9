import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, closeSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverLocal } from "../../src/deliver/local/deliver.js";
import { getpwnam } from "../../src/deliver/local/passwd.js";
import { lockMailbox, tryDotlock } from "../../src/deliver/local/lock.js";
import { have, isRoot, splitMbox } from "./helpers.js";

const require = createRequire(import.meta.url);
let dir: string;
let pw: string;
const uid = typeof process.getuid === "function" ? process.getuid() : 0;

const TUTORIAL =
  "From: Alice <alice@example.com>\nTo: user2@localhost\nDate: Wed, 25 Nov 2026 03:00:00 +0000\n" +
  "Subject: hello from the tutorial\nMessage-Id: <t1@example.com>\n\nHi user2,\nFrom the tutorial.\n";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "deliver-"));
  pw = join(dir, "passwd");
  writeFileSync(pw, `# test users\nuser2:x:${uid}:${uid}:User Two:${dir}:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** perl: try an fcntl write lock on file; "busy" or "free". */
function probeFcntl(file: string): string {
  const r = spawnSync(
    "perl",
    ["-e", 'use Fcntl; open(F, ">>", $ARGV[0]) or die; my $a = pack("s s x4 q q i x4", F_WRLCK, 0, 0, 0, 0); print fcntl(F, F_SETLK, $a) ? "free" : "busy"', file],
    { encoding: "latin1" },
  );
  return r.stdout;
}

describe("passwd", () => {
  it("reads a named passwd file and /etc/passwd + NSS", async () => {
    expect((await getpwnam("user2", pw))?.dir).toBe(dir);
    expect(await getpwnam("root", pw)).toBeNull();
    expect((await getpwnam("root"))?.uid).toBe(0);
    expect(await getpwnam("no-such-user-zz")).toBeNull();
  });
});

describe("deliverLocal", () => {
  it("refuses unknown users with 5.1.1", async () => {
    const st = await deliverLocal({ user: "nosuch", sender: "a@b", message: "x\n", spoolDir: dir, passwd: pw });
    expect(st).toEqual({ dsn: "5.1.1", text: "nosuch: User unknown" });
    expect((await deliverLocal({ user: "../etc", sender: "a", message: "x", spoolDir: dir, passwd: pw })).dsn).toBe("5.1.1");
  });

  it("creates a 0600 mailbox owned by the user and appends entries", async () => {
    const st = await deliverLocal({ user: "user2", sender: "alice@example.com", message: TUTORIAL, spoolDir: dir, passwd: pw });
    expect(st.dsn).toBe("2.0.0");
    await deliverLocal({ user: "user2", sender: "", message: "Subject: second\n\nbody\n", spoolDir: dir, passwd: pw });
    const s = statSync(join(dir, "user2"));
    expect(s.mode & 0o777).toBe(0o600);
    expect(s.uid).toBe(uid);
    const entries = splitMbox(readFileSync(join(dir, "user2"), "latin1"));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^From alice@example\.com \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\nReturn-Path: <alice@example\.com>\nFrom: Alice/);
    expect(entries[0]).toContain("\n>From the tutorial.\n");
    expect(entries[1]).toMatch(/^From MAILER-DAEMON .*\nReturn-Path: <>\nSubject: second\n\nbody\n\n$/);
    expect(existsSync(join(dir, "user2.lock"))).toBe(false);
  });

  it.skipIf(!isRoot)("as root, gives a new mailbox to the user and refuses one owned by someone else", async () => {
    expect((await deliverLocal({ user: "nobody", sender: "a", message: "x\n", spoolDir: dir, passwd: pw })).dsn).toBe("2.0.0");
    expect(statSync(join(dir, "nobody")).uid).toBe(65534);
    spawnSync("chown", ["0", join(dir, "nobody")]);
    const st = await deliverLocal({ user: "nobody", sender: "a", message: "x\n", spoolDir: dir, passwd: pw });
    expect(st.dsn).toBe("4.2.0");
    expect(st.text).toContain("wrong ownership");
  });

  it("truncates back to the old size when a write fails (4.3.0; quota 4.2.2, -b 5.2.2)", async () => {
    const file = join(dir, "user2");
    const before = readFileSync(file);
    let calls = 0;
    const failing = (code: string) => (fd: number, b: Buffer, o: number, l: number): number => {
      if (calls++ === 0) {
        // half the entry really reaches the file, then the disk "fills up"
        return require("node:fs").writeSync(fd, b, o, Math.max(1, l >> 1)) as number;
      }
      throw Object.assign(new Error(code), { code, syscall: "write" });
    };
    const big = "Subject: big\n\n" + "y".repeat(100_000) + "\n";
    let st = await deliverLocal({ user: "user2", sender: "a", message: big, spoolDir: dir, passwd: pw, writeFn: failing("ENOSPC") });
    expect(st.dsn).toBe("4.3.0");
    expect(readFileSync(file)).toEqual(before);
    calls = 0;
    st = await deliverLocal({ user: "user2", sender: "a", message: big, spoolDir: dir, passwd: pw, writeFn: failing("EDQUOT") });
    expect(st.dsn).toBe("4.2.2");
    calls = 0;
    st = await deliverLocal({ user: "user2", sender: "a", message: big, spoolDir: dir, passwd: pw, bounceQuota: true, writeFn: failing("EFBIG") });
    expect(st.dsn).toBe("5.2.2");
    expect(readFileSync(file)).toEqual(before);
  });

  it.skipIf(!have("s-nail"))("s-nail reads our mailbox with the tutorial's headers", () => {
    const env = { ...process.env, TERM: "dumb", COLUMNS: "120" };
    const r = spawnSync("s-nail", ["-:", "/", "-N", "-R", "-Y", "print 1", "-Y", "quit", "-f", join(dir, "user2")], { encoding: "latin1", env, input: "" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("[-- Message  1 -- ");
    for (const h of ["Return-Path: <alice@example.com>", "From: Alice <alice@example.com>", "To: user2@localhost", "Date: Wed, 25 Nov 2026 03:00:00 +0000", "Subject: hello from the tutorial"])
      expect(r.stdout).toContain(h);
    expect(r.stdout).toContain("Hi user2,\n>From the tutorial.");
    const h = spawnSync("s-nail", ["-:", "/", "-R", "-H", "-f", join(dir, "user2")], { encoding: "latin1", env, input: "" });
    const lines = h.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/1 alice@example\.com .*hello from the tutorial/);
    expect(lines[1]).toMatch(/2 MAILER-DAEMON .*second/);
  });
});

describe("locks", () => {
  it("holds a dot lock and an fcntl write lock that others see", async () => {
    const file = join(dir, "locked");
    writeFileSync(file, "");
    const fd = openSync(file, "a");
    const lock = await lockMailbox(file, fd, { timeoutMs: 2000 });
    try {
      expect(lock.dotlocked && lock.kernelLocked).toBe(true);
      expect(readFileSync(file + ".lock", "latin1")).toBe(`${process.pid}\n`);
      expect(probeFcntl(file)).toBe("busy");
      if (have("lockfile")) expect(spawnSync("lockfile", ["-r0", file + ".lock"]).status).not.toBe(0);
      const ino = statSync(file).ino;
      expect(readFileSync("/proc/locks", "latin1")).toMatch(new RegExp(`POSIX\\s+ADVISORY\\s+WRITE\\s+\\d+\\s+[0-9a-f]+:[0-9a-f]+:${ino} 0 EOF`));
      // a second delivery in this process is excluded too, and times out as 4.2.0
      await expect(lockMailbox(file, fd, { timeoutMs: 300 })).rejects.toThrow(/locked/);
    } finally {
      await lock.release();
      closeSync(fd);
    }
    expect(existsSync(file + ".lock")).toBe(false);
    expect(probeFcntl(file)).toBe("free");
  });

  it("waits for a procmail dot lock, and breaks stale ones", async () => {
    const file = join(dir, "user2");
    writeFileSync(file + ".lock", "0\n");
    const t = new Date(Date.now() - 10 * 60_000);
    require("node:fs").utimesSync(file + ".lock", t, t);
    expect(tryDotlock(file).kind).toBe("held"); // stale by age: taken over
    rmSync(file + ".lock");
    writeFileSync(file + ".lock", "999999999\n"); // dead pid, fresh: still honoured for 2 s
    expect(tryDotlock(file).kind).toBe("busy");
    rmSync(file + ".lock");
    writeFileSync(file + ".lock", "0\n"); // a live, fresh lock: delivery waits, then says 4.2.0
    const st = await deliverLocal({ user: "user2", sender: "a", message: "x\n", spoolDir: dir, passwd: pw, lockTimeoutMs: 300 });
    expect(st.dsn).toBe("4.2.0");
    rmSync(file + ".lock");
  });
});
