import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FlockLocker, LockFileLocker, type Locker } from "../../src/queue/lock.js";
import { newEnvelope, parseQf } from "../../src/queue/qf_format.js";
import { FsQueueStore } from "../../src/queue/store_fs.js";

const flock = FlockLocker.available();
const lockers: [string, () => Locker | null][] = [
  ["flock helper", () => flock],
  ["lock file", () => new LockFileLocker()],
];

const env = (sender: string) =>
  newEnvelope({ createdAt: 1795578221, priority: 30010, flags: "s", sender, recipients: [{ flags: "PFD", address: "u@example.org" }] });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "queue-store-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("FsQueueStore commit", () => {
  it("writes df and qf with QueueFileMode and leaves no temporary files", async () => {
    const store = new FsQueueStore(dir, { fileMode: 0o640 });
    const m = await store.begin();
    expect(readdirSync(dir).sort()).toEqual([`tD${m.id}`, `tf${m.id}`]);
    await m.write("line 1\n");
    await m.write(Buffer.from("line 2\n"));
    await m.commit(env("a@example.com"));
    expect(readdirSync(dir).sort()).toEqual([`df${m.id}`, `qf${m.id}`]);
    expect(readFileSync(join(dir, `df${m.id}`), "latin1")).toBe("line 1\nline 2\n");
    expect(statSync(join(dir, `qf${m.id}`)).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, `df${m.id}`)).mode & 0o777).toBe(0o640);
    expect((await store.read(m.id))!.sender).toBe("a@example.com");
    expect(await store.list()).toEqual([m.id]);
    expect(store.stats()).toEqual({ commits: 1, dirSyncs: 1 });
  });

  it("abort removes everything", async () => {
    const store = new FsQueueStore(dir);
    const m = await store.begin();
    await m.write("x\n");
    await m.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("uses qf/ and df/ subdirectories when present", async () => {
    mkdirSync(join(dir, "qf"));
    mkdirSync(join(dir, "df"));
    const store = new FsQueueStore(dir);
    const m = await store.begin();
    await m.write("b\n");
    await m.commit(env("a@b"));
    expect(readdirSync(join(dir, "qf"))).toEqual([`qf${m.id}`]);
    expect(readdirSync(join(dir, "df"))).toEqual([`df${m.id}`]);
  });

  it("group commit: concurrent sessions share directory fsyncs, each resolved after one", async () => {
    const store = new FsQueueStore(dir);
    const n = 40;
    const msgs = await Promise.all(Array.from({ length: n }, () => store.begin()));
    expect(new Set(msgs.map((m) => m.id)).size).toBe(n);
    await Promise.all(msgs.map(async (m, i) => {
      await m.write(`body ${i}\n`);
      await m.commit(env(`s${i}@example.com`));
      // resolved only once the qf exists under its final name
      expect(statSync(join(dir, `qf${m.id}`)).isFile()).toBe(true);
    }));
    const s = store.stats();
    expect(s.commits).toBe(n);
    expect(s.dirSyncs).toBeGreaterThanOrEqual(1);
    expect(s.dirSyncs).toBeLessThan(n);
    expect((await store.list()).length).toBe(n);
  });
});

describe.each(lockers)("claim with %s", (name, make) => {
  const locker = make();
  it.skipIf(locker === null)("is exclusive, survives update(), and is released", async () => {
    const store = new FsQueueStore(dir, { locker: locker! });
    const m = await store.begin();
    await m.write("b\n");
    await m.commit(env("a@b"));
    const other = new FsQueueStore(dir, { locker: locker! });
    const job = (await store.claim(m.id))!;
    expect(job).not.toBeNull();
    if (name === "flock helper") expect(await other.claim(m.id)).toBeNull();
    await job.update({ ...job.envelope, attempts: 1, status: "Deferred: test" });
    expect(parseQf(readFileSync(join(dir, `qf${m.id}`), "latin1")).status).toBe("Deferred: test");
    if (name === "flock helper") expect(await other.claim(m.id)).toBeNull();
    await job.release();
    const again = (await other.claim(m.id))!;
    expect(again.envelope.attempts).toBe(1);
    await again.finish();
    expect(readdirSync(dir).filter((f) => !f.startsWith("lk"))).toEqual([]);
    expect(await store.claim(m.id)).toBeNull();
  });

  it.skipIf(locker === null)("a crashed holder leaves no lock behind", async () => {
    const store = new FsQueueStore(dir, { locker: locker! });
    const m = await store.begin();
    await m.write("b\n");
    await m.commit(env("a@b"));
    // a child process claims the job and is killed while holding it
    // the child runs the compiled code (npm test builds dist/ first)
    const src = resolve("dist/queue/store_fs.js");
    const lockSrc = resolve("dist/queue/lock.js");
    if (!existsSync(src)) {
      console.log("skipping crash test: dist/ not built");
      return;
    }
    const script =
      `const { FsQueueStore } = await import(${JSON.stringify(src)});` +
      `const L = await import(${JSON.stringify(lockSrc)});` +
      `const l = ${name === "flock helper" ? "L.FlockLocker.available()" : "new L.LockFileLocker()"};` +
      `const j = await new FsQueueStore(${JSON.stringify(dir)}, { locker: l }).claim(${JSON.stringify(m.id)});` +
      `console.log(j ? "held" : "busy"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const first = await new Promise<string>((res) => {
      child.stdout.once("data", (b: Buffer) => res(b.toString().trim()));
      child.once("exit", () => res("exited"));
    });
    expect(first).toBe("held");
    if (name === "flock helper") expect(await store.claim(m.id)).toBeNull();
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    let job = null;
    for (let i = 0; i < 50 && job === null; i++) {
      job = await store.claim(m.id);
      if (job === null) await new Promise((r) => setTimeout(r, 20));
    }
    expect(job).not.toBeNull();
    await job!.release();
  });
});
