import { describe, expect, it } from "vitest";
import { formatQueueId, isQueueId, parseQueueId, QueueIdGenerator } from "../../src/queue/queue_id.js";

const utc = (s: string): number => Date.parse(s) / 1000;

describe("formatQueueId", () => {
  it.each([
    // observed from real sendmail 8.17 in the oracle sandbox
    { t: "2026-11-25T03:43:41Z", seq: 4 * 60 + 17, pid: 11925, id: "6AP3hf4H011925" },
    { t: "2026-11-25T03:44:30Z", seq: 22 * 60 + 22, pid: 19932, id: "6AP3iUMM019932" },
    { t: "2000-01-01T00:00:00Z", seq: 0, pid: 1, id: "e0100000000001" },
    { t: "2019-12-31T23:59:59Z", seq: 3599, pid: 4194304, id: "xBVNxxxx4194304" },
  ])("$id", ({ t, seq, pid, id }) => {
    expect(formatQueueId(utc(t), seq, pid)).toBe(id);
    const p = parseQueueId(id)!;
    expect(p.seq).toBe(seq);
    expect(p.pid).toBe(pid);
    const d = new Date(t);
    expect([p.month, p.day, p.hour, p.minute, p.second]).toEqual([
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ]);
  });

  it.each(["", "6AP3hf4H1192", "6AP3hf4H0119z5", "6ZP3hf4H011925", "qf6AP3hf4H011925"])("rejects %j", (id) => {
    expect(parseQueueId(id)).toBeNull();
  });
  it("accepts 5-digit pids of old ids", () => expect(isQueueId("6AP3hf4H11925")).toBe(true));
});

describe("QueueIdGenerator", () => {
  it("is unique and strictly increasing with a frozen clock, past 3600 ids a second", () => {
    const now = utc("2026-01-02T03:04:05Z") * 1000;
    const g = new QueueIdGenerator({ pid: 4242, now: () => now, startSeq: 3590 });
    let prev = "";
    const seen = new Set<string>();
    for (let i = 0; i < 10000; i++) {
      const id = g.next();
      expect(id > prev).toBe(true);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      prev = id;
    }
  });
  it("does not go back when the clock does", () => {
    let now = utc("2026-01-02T03:04:05Z") * 1000;
    const g = new QueueIdGenerator({ pid: 7, now: () => now, startSeq: 0 });
    const a = g.next();
    now -= 10_000;
    const b = g.next();
    expect(b > a).toBe(true);
    expect(b.slice(0, 6)).toBe(a.slice(0, 6));
  });
  it("embeds the pid", () => {
    expect(new QueueIdGenerator().next().endsWith(String(process.pid).padStart(6, "0"))).toBe(true);
  });
});
