/*
 * queue_id - sendmail-style queue ids.
 *
 * An id is YMDhmsNNppppp: six base-60 digits for the UTC date and time
 * (year modulo 60 counted from 1900, month 0-11, day, hour, minute, second),
 * two base-60 digits of a per-process envelope sequence (0..3599) and the
 * process id, zero-padded to at least six decimal digits. Example, observed
 * from sendmail 8.17: 6AP3hf4H011925 = 2026-11-25 03:43:41 UTC, sequence
 * "4H", pid 11925.
 *
 * Uniqueness: two live processes never share a pid, and one process never
 * hands out the same (second, sequence) pair twice: the pair only grows, and
 * when the sequence runs out (3600 ids) inside one second the generator
 * moves its clock on by one second. Ids of one generator are strictly increasing in ASCII
 * order as long as the pid is fixed (the base-60 digit alphabet is in ASCII
 * order), which makes them sortable by creation time.
 */

/** The 60 digits, in ASCII order. */
export const QID_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx";
const BASE = 60;
const SEQ_SPACE = BASE * BASE;

function digit(n: number): string {
  return QID_DIGITS[n]!;
}

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (code >= 97 && code <= 120) return code - 61;
  return -1;
}

/** Format an id from its parts. `seconds` is a Unix time. */
export function formatQueueId(seconds: number, seq: number, pid: number): string {
  const d = new Date(seconds * 1000);
  return (
    digit((d.getUTCFullYear() - 1900) % BASE) +
    digit(d.getUTCMonth()) +
    digit(d.getUTCDate()) +
    digit(d.getUTCHours()) +
    digit(d.getUTCMinutes()) +
    digit(d.getUTCSeconds()) +
    digit(Math.floor(seq / BASE) % BASE) +
    digit(seq % BASE) +
    String(pid).padStart(6, "0")
  );
}

export interface ParsedQueueId {
  /** Year modulo 60 (years since 1900, modulo 60). */
  readonly yearMod60: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly seq: number;
  readonly pid: number;
}

/** Syntax of an 8.12+ id (at least five pid digits accepted, as older ids had). */
const ID_RE = /^[0-9A-Za-x]{8}[0-9]{5,}$/;

export function isQueueId(id: string): boolean {
  return ID_RE.test(id);
}

/** Split an id into its fields; null if it is not a well-formed id. */
export function parseQueueId(id: string): ParsedQueueId | null {
  if (!isQueueId(id)) return null;
  const v = (i: number): number => digitValue(id[i]!);
  const month = v(1);
  const day = v(2);
  const hour = v(3);
  if (month > 11 || day < 1 || day > 31 || hour > 23) return null;
  return {
    yearMod60: v(0),
    month,
    day,
    hour,
    minute: v(4),
    second: v(5),
    seq: v(6) * BASE + v(7),
    pid: Number(id.slice(8)),
  };
}

export interface QueueIdGeneratorOptions {
  readonly pid?: number;
  /** Clock in milliseconds (default Date.now). */
  readonly now?: () => number;
  /** First sequence number (default random, as sendmail does). */
  readonly startSeq?: number;
}

/** Hands out unique, increasing ids for one process. */
export class QueueIdGenerator {
  readonly pid: number;
  private readonly now: () => number;
  private seq: number;
  /** Second of the last id handed out. */
  private second = -Infinity;

  constructor(opts: QueueIdGeneratorOptions = {}) {
    this.pid = opts.pid ?? process.pid;
    this.now = opts.now ?? Date.now;
    this.seq = (opts.startSeq ?? Math.floor(Math.random() * SEQ_SPACE)) % SEQ_SPACE;
  }

  next(): string {
    const sec = Math.max(Math.floor(this.now() / 1000), this.second); // never go back
    if (sec === this.second) {
      if (this.seq + 1 >= SEQ_SPACE) {
        // sequence exhausted inside this second: borrow the next second
        this.second = sec + 1;
        this.seq = 0;
      } else this.seq++;
    } else {
      this.second = sec;
      this.seq = (this.seq + 1) % SEQ_SPACE;
    }
    return formatQueueId(this.second, this.seq, this.pid);
  }
}
