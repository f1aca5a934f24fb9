/*
 * mailq - list queue directories the way `sendmail -bp` (mailq) 8.17 does.
 *
 * Output format, as observed from the real program:
 *
 *   \t\t/var/spool/mqueue (2 requests)
 *   -----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------
 *   6AP3iZBM020764     1270 Wed Nov 25 03:44 MAILER-DAEMON
 *                    (Deferred: example.com.: Network is unreachable)
 *   \t\t\t\t\t alice@example.com
 *   \t\tTotal requests: 2
 *
 * An empty directory prints "DIR is empty" (no tabs). The character after
 * the id is "*" (locked), "-" (younger than MinQueueAge), "X" (would only
 * be queued at the current load average) or " ". With -v the priority
 * column is added, the time loses its weekday, "+" marks jobs that got a
 * delay warning (F flag w) and C lines show as (---user---).
 *
 * Jobs are sorted by QueueSortOrder (priority by default; ties keep
 * directory order, as glibc's merge-sort qsort does). -qR/-qS/-qI/-qQ
 * filters match case-insensitive substrings of recipients (the address
 * after the flags), the sender, the id and the quarantine reason; several
 * of one kind are alternatives. A negated filter ("-qR!x") never matches:
 * that is what 8.17's -bp prints.
 *
 * The control file is read once (sequentially, like sendmail); the data
 * file is only stat()ed for its size.
 */

import { fs, path as pathMod } from "../util/node.js";
import type { QueueSettings } from "./config.js";
import { inodeKey, readLockedInodes } from "./lock.js";

export interface QueueFilter {
  readonly kind: "R" | "S" | "I" | "Q";
  readonly match: string;
  readonly negate: boolean;
}

export interface MailqOptions {
  readonly verbose?: boolean;
  readonly filters?: readonly QueueFilter[];
  /** normal (qf), quarantine (hf, -qQ), lost (Qf, -qL). */
  readonly mode?: "normal" | "quarantine" | "lost";
  /** Current time in seconds (default now). */
  readonly now?: number;
  /** Load average as sendmail rounds it (default from /proc/loadavg). */
  readonly loadAverage?: number;
  /** Locked inodes ("maj:min:ino"; default read from /proc/locks). */
  readonly lockedInodes?: ReadonlySet<string>;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** ctime(3) without the newline, in local time. */
export function ctime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p2 = (n: number): string => String(n).padStart(2, "0");
  return (
    `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, " ")} ` +
    `${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())} ${d.getFullYear()}`
  );
}

/** At most `max` columns of s, with "\" doubled and other unprintable octets as \ooo. */
export function printable(s: string, max: number): string {
  let out = "";
  let ml = max;
  for (let i = 0; i < s.length && ml-- > 0; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) {
      if (ml-- > 0) out += "\\\\";
    } else if (c >= 0x20 && c < 0x7f) out += s[i];
    else {
      ml -= 3;
      if (ml < 0) break;
      out += "\\" + (c & 0xff).toString(8).padStart(3, "0");
    }
  }
  return out;
}

/** Current load average the way sendmail reads it (rounded 1-minute value). */
export function currentLoadAverage(): number {
  try {
    const t = fs.readFileSync("/proc/loadavg", "latin1");
    return Math.floor(Number.parseFloat(t) + 0.5);
  } catch {
    return 0;
  }
}

const readBuf = Buffer.allocUnsafe(64 * 1024);

/** Read a small file as latin1 with one open/read/close (no fstat). */
function readSmall(file: string): string {
  const fd = fs.openSync(file, "r");
  try {
    let n = 0;
    for (;;) {
      const got = fs.readSync(fd, readBuf, n, readBuf.length - n, null);
      if (got === 0) return readBuf.toString("latin1", 0, n);
      n += got;
      if (n === readBuf.length) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return fs.readFileSync(file, "latin1");
}

interface Job {
  readonly id: string;
  readonly file: string;
  readonly text: string;
  readonly priority: number;
  readonly createdAt: number;
  readonly lastAttempt: number;
  readonly order: number;
}

function lineValue(text: string, code: string): string | null {
  let start: number;
  if (text.startsWith(code)) start = 0;
  else {
    const i = text.indexOf("\n" + code);
    if (i < 0) return null;
    start = i + 1;
  }
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  return text.slice(start + 1, end);
}

function contains(hay: string, needle: string): boolean {
  return hay.toLowerCase().includes(needle.toLowerCase());
}

function matchesFilters(id: string, text: string, filters: readonly QueueFilter[]): boolean {
  const kinds = new Map<string, QueueFilter[]>();
  for (const f of filters) {
    let l = kinds.get(f.kind);
    if (l === undefined) kinds.set(f.kind, (l = []));
    l.push(f);
  }
  if (kinds.size === 0) return true;
  let version = 0;
  let sender = "";
  let quarantine = "";
  const rcpts: string[] = [];
  if (kinds.has("R") || kinds.has("S") || kinds.has("Q")) {
    for (const line of text.split("\n")) {
      const c = line[0];
      if (c === "V") version = Number.parseInt(line.slice(1), 10) || 0;
      else if (c === "S") sender = line.slice(1);
      else if (c === "q") quarantine = line.slice(1);
      else if (c === "R") {
        let a = line.slice(1);
        if (version >= 1) {
          const colon = a.indexOf(":");
          if (colon < 0) continue;
          a = a.slice(colon + 1);
        }
        rcpts.push(a.replace(/\r$/, ""));
      }
    }
  }
  for (const [kind, list] of kinds) {
    const ok = list.some((f) => {
      if (f.negate) return false;
      switch (kind) {
        case "I":
          return contains(id, f.match);
        case "S":
          return contains(sender, f.match);
        case "Q":
          return contains(quarantine, f.match);
        default:
          return rcpts.some((r) => contains(r, f.match));
      }
    });
    if (!ok) return false;
  }
  return true;
}

function sortJobs(jobs: Job[], order: string): void {
  switch (order[0]) {
    case "f":
      jobs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      break;
    case "t":
      jobs.sort((a, b) => a.createdAt - b.createdAt || a.priority - b.priority);
      break;
    case "n":
      break;
    case "r":
      for (let i = jobs.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
      }
      break;
    case "m": {
      const mt = new Map<Job, number>();
      for (const j of jobs) {
        try {
          mt.set(j, fs.statSync(j.file).mtimeMs);
        } catch {
          mt.set(j, 0);
        }
      }
      jobs.sort((a, b) => mt.get(a)! - mt.get(b)!);
      break;
    }
    default:
      jobs.sort((a, b) => a.priority - b.priority);
  }
}

interface DirLayout {
  readonly qfDir: string;
  readonly dfDir: string;
  /** How a df path is shown in error messages (relative, as sendmail does after chdir). */
  readonly dfShown: string;
}

function layout(dir: string): DirLayout {
  const isDir = (p: string): boolean => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const qf = pathMod.join(dir, "qf");
  const df = pathMod.join(dir, "df");
  return {
    qfDir: isDir(qf) ? qf : dir,
    dfDir: isDir(df) ? df : dir,
    dfShown: isDir(df) ? "df/" : "./",
  };
}

export interface DirListing {
  readonly text: string;
  readonly count: number;
}

/** List one queue directory (without the "Total requests" line). */
export function listQueueDir(dir: string, settings: QueueSettings, opts: MailqOptions = {}): DirListing {
  const verbose = opts.verbose === true;
  const filters = opts.filters ?? [];
  const mode = opts.mode ?? "normal";
  const prefix = mode === "quarantine" ? "hf" : mode === "lost" ? "Qf" : "qf";
  const lay = layout(dir);
  const jobs: Job[] = [];
  let d: import("node:fs").Dir;
  try {
    d = fs.opendirSync(lay.qfDir, { bufferSize: 1024 });
  } catch {
    return { text: `${dir}: cannot open queue directory\n`, count: 0 };
  }
  try {
    let order = 0;
    for (let e = d.readSync(); e !== null; e = d.readSync()) {
      const name = e.name;
      if (name.length <= 2 || !name.startsWith(prefix)) continue;
      const file = pathMod.join(lay.qfDir, name);
      let text: string;
      try {
        text = readSmall(file);
      } catch {
        continue;
      }
      const id = name.slice(2);
      if (filters.length > 0 && !matchesFilters(id, text, filters)) continue;
      jobs.push({
        id,
        file,
        text,
        priority: Number.parseInt(lineValue(text, "P") ?? "0", 10) || 0,
        createdAt: Number.parseInt(lineValue(text, "T") ?? "0", 10) || 0,
        lastAttempt: Number.parseInt(lineValue(text, "K") ?? "0", 10) || 0,
        order: order++,
      });
    }
  } finally {
    d.closeSync();
  }
  if (jobs.length === 0) return { text: `${dir} is empty\n`, count: 0 };
  sortJobs(jobs, settings.sortOrder);

  const n = jobs.length;
  const limit = settings.maxQueueRunSize > 0 ? settings.maxQueueRunSize : n;
  let out = `\t\t${dir} (${n} request${n === 1 ? "" : "s"}`;
  if (limit < n) out += `, only ${limit} printed`;
  out += verbose
    ? ")\n-----Q-ID----- --Size-- -Priority- ---Q-Time--- --------Sender/Recipient--------\n"
    : ")\n-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------\n";

  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const la = opts.loadAverage ?? currentLoadAverage();
  let locked = opts.lockedInodes ?? readLockedInodes();
  if (locked.size > 0) {
    // only locks on the queue's file system matter
    const st = fs.statSync(lay.qfDir);
    const devPrefix = inodeKey(st.dev, 0).slice(0, -1);
    const here = new Set<string>();
    for (const k of locked) if (k.startsWith(devPrefix)) here.add(k);
    locked = here;
  }
  const parts: string[] = [out];
  for (let k = 0; k < limit; k++) parts.push(formatJob(jobs[k]!, lay, settings, verbose, now, la, locked, mode));
  return { text: parts.join(""), count: n };
}

function formatJob(
  job: Job,
  lay: DirLayout,
  settings: QueueSettings,
  verbose: boolean,
  now: number,
  la: number,
  locked: ReadonlySet<string>,
  mode: "normal" | "quarantine" | "lost",
): string {
  let out = job.id.padStart(13, " ");
  const dataDir = lineValue(job.text, "d");
  const dfStat = fs.statSync(pathMod.join(dataDir ?? lay.dfDir, "df" + job.id), { throwIfNoEntry: false });
  const dfSize = dfStat === undefined ? -1 : dfStat.size;
  if (dfStat === undefined) {
    const shown = dataDir !== null ? pathMod.join(dataDir, "df" + job.id) : lay.dfShown + "df" + job.id;
    out += `readqf: cannot open ${shown}: No such file or directory\n`;
  }
  let isLocked = false;
  if (locked.size > 0) {
    try {
      const st = fs.statSync(job.file);
      isLocked = locked.has(inodeKey(st.dev, st.ino));
    } catch {
      /* gone */
    }
  }
  if (isLocked) out += "*";
  else if (mode === "lost") out += "?";
  else if (settings.minQueueAge > 0 && job.lastAttempt + settings.minQueueAge > now) out += "-";
  else if (la >= settings.queueLA && job.priority > settings.queueFactor / (la - settings.queueLA + 1)) out += "X";
  else out += " ";

  let version = 0;
  let statmsg = "";
  let quarmsg = "";
  let bodytype = "";
  let submitted = 0;
  let warned = false;
  const width = verbose ? 100 : 60;
  const text = job.text;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const rest = line.slice(1);
    switch (line[0]) {
      case "V":
        version = Number.parseInt(rest, 10) || 0;
        break;
      case "M":
        statmsg = rest;
        break;
      case "q":
        quarmsg = rest;
        break;
      case "B":
        bodytype = rest;
        break;
      case "T":
        submitted = Number.parseInt(rest, 10) || 0;
        break;
      case "F":
        if (rest.includes("w")) warned = true;
        break;
      case "S": {
        const size = String(dfSize).padStart(8, " ");
        if (verbose) {
          out += `${size} ${String(job.priority).padStart(10, " ")}${warned ? "+" : " "}${ctime(submitted).slice(4, 16)} `;
          out += printable(rest, 78);
        } else {
          out += `${size} ${ctime(submitted).slice(0, 16)} ` + printable(rest, 39);
        }
        if (quarmsg !== "") {
          out += `\n     QUARANTINE: ${quarmsg.slice(0, width)}`;
          quarmsg = "";
        }
        if (statmsg !== "" || bodytype !== "") {
          out += "\n    " + bodytype.slice(0, 10).padStart(10, " ");
          if (statmsg !== "") out += `   (${statmsg.slice(0, width)})`;
          statmsg = "";
        }
        break;
      }
      case "C":
        if (verbose) out += `\n\t\t\t\t\t\t(---${rest.slice(0, 64)}---)`;
        break;
      case "R": {
        let p = rest;
        if (version >= 1) {
          const colon = p.indexOf(":");
          if (colon < 0) break;
          p = p.slice(colon + 1);
        }
        out += verbose ? "\n\t\t\t\t\t\t" + printable(p, 71) : "\n\t\t\t\t\t " + printable(p, 38);
        if (verbose && statmsg !== "") {
          out += `\n\t\t (${statmsg.slice(0, 100)})`;
          statmsg = "";
        }
        break;
      }
      default:
        break;
    }
  }
  if (submitted === 0) out += " (no control file)";
  return out + "\n";
}

/** The whole `mailq` output for every queue directory of every group. */
export function listQueues(settings: QueueSettings, opts: MailqOptions = {}): string {
  const seen = new Set<string>();
  const o: MailqOptions = {
    ...opts,
    lockedInodes: opts.lockedInodes ?? readLockedInodes(),
    loadAverage: opts.loadAverage ?? currentLoadAverage(),
  };
  let out = "";
  let total = 0;
  for (const g of settings.groups) {
    for (const dir of g.dirs) {
      if (seen.has(dir)) continue;
      seen.add(dir);
      const r = listQueueDir(dir, settings, o);
      out += r.text;
      total += r.count;
    }
  }
  return out + `\t\tTotal requests: ${total}\n`;
}

/** Parse "-qR..." style arguments ("R!foo" etc. without the "-q"). */
export function parseQueueFilter(arg: string): QueueFilter | null {
  const kind = arg[0];
  if (kind !== "R" && kind !== "S" && kind !== "I" && kind !== "Q") return null;
  let match = arg.slice(1);
  let negate = false;
  if (match.startsWith("!")) {
    negate = true;
    match = match.slice(1);
  }
  return { kind, match, negate };
}
