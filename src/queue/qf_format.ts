/*
 * qf_format - the queue control file ("qf") of sendmail 8.17, as a typed
 * envelope and back.
 *
 * Text is handled as byte strings (latin1: one char per octet), because
 * header templates keep sendmail's meta octets (0x81 for "$"). A record is
 * one line starting with its code letter; a line starting with a space or a
 * tab continues the record before it (folded headers). The file ends with a
 * line holding a single ".".
 *
 * Records 8.17 writes, in the order serializeQf() writes them:
 *   V version   T creation time   K last attempt   N attempts   P priority
 *   I dev/ino of the df   d df directory   B body type   q quarantine reason
 *   M status message   F flags   $ macros   S sender   A AUTH= value
 *   Z ENVID   ! deliver-by   then per recipient: C controlling user,
 *   Q ORCPT, r final recipient, R flags:address   then H headers   then ".".
 * Anything else is kept as an unknown record and written back after the
 * last known record that came before it.
 */

export interface QfMacro {
  /** One character, or the long name without braces. */
  readonly name: string;
  readonly value: string;
}

export interface QfRecipient {
  /** Letters before the ':' of the R line (P primary, S/F/D/N notify, ...). */
  readonly flags: string;
  readonly address: string;
  /** Q line (ORCPT=) just before, without the letter. */
  readonly orcpt?: string;
  /** r line (final recipient) just before. */
  readonly finalRecipient?: string;
  /** C line (controlling user) just before. */
  readonly controller?: string;
}

export interface QfHeader {
  /** Text between the "?"s ("P", "" for "H??"), or null if the line has none. */
  readonly condition: string | null;
  /** Field name as written. */
  readonly name: string;
  /** Everything after the ":" (leading space and folded lines included, newlines as "\n"). */
  readonly value: string;
}

export interface QfUnknownRecord {
  /** Code letter of the last known record before it ("" if at the top). */
  readonly after: string;
  /** The whole record (continuation lines joined with "\n"). */
  readonly text: string;
}

export interface QfEnvelope {
  /** V line (8 for 8.13 and later); null if absent (version 0). */
  readonly version: number | null;
  /** T: creation time (Unix seconds). */
  readonly createdAt: number;
  /** K: time of the last delivery attempt (0: none). */
  readonly lastAttempt: number;
  /** N: number of delivery attempts. */
  readonly attempts: number;
  /** P: priority (higher is served later). */
  readonly priority: number;
  /** I: "major/minor/inode" of the data file. */
  readonly inode?: string;
  /** d: directory of the data file when it is not next to the qf. */
  readonly dataDir?: string;
  /** B: body type (7BIT, 8BITMIME). */
  readonly bodyType?: string;
  /** q: quarantine reason. */
  readonly quarantine?: string;
  /** M: last status message (shown by mailq). */
  readonly status?: string;
  /** F: flag letters. */
  readonly flags: string;
  readonly macros: readonly QfMacro[];
  /** S: envelope sender as received. */
  readonly sender: string;
  /** A: AUTH= parameter. */
  readonly auth?: string;
  /** Z: ENVID. */
  readonly envid?: string;
  /** "!": deliver-by deadline and mode. */
  readonly deliverBy?: string;
  readonly recipients: readonly QfRecipient[];
  readonly headers: readonly QfHeader[];
  readonly unknown: readonly QfUnknownRecord[];
}

export class QfParseError extends Error {}

/** Split into records: continuation lines (leading SP/HT) joined with "\n". */
function records(text: string): { recs: string[]; terminated: boolean } {
  const recs: string[] = [];
  let terminated = false;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = n;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line === ".") {
      terminated = true;
      break;
    }
    const c = line.charCodeAt(0);
    if ((c === 32 || c === 9) && recs.length > 0) recs[recs.length - 1] += "\n" + line;
    else recs.push(line);
  }
  return { recs, terminated };
}

function toInt(s: string): number {
  const v = Number.parseInt(s, 10);
  return Number.isFinite(v) ? v : 0;
}

/** Parse qf text (latin1). Throws QfParseError if the "." terminator is missing (incomplete file). */
export function parseQf(text: string, opts: { requireTerminator?: boolean } = {}): QfEnvelope {
  const { recs, terminated } = records(text);
  if (!terminated && opts.requireTerminator !== false) throw new QfParseError("qf file has no terminating '.' line");
  let version: number | null = null;
  let createdAt = 0;
  let lastAttempt = 0;
  let attempts = 0;
  let priority = 0;
  let flags = "";
  let sender = "";
  const env: {
    inode?: string;
    dataDir?: string;
    bodyType?: string;
    quarantine?: string;
    status?: string;
    auth?: string;
    envid?: string;
    deliverBy?: string;
  } = {};
  const macros: QfMacro[] = [];
  const recipients: QfRecipient[] = [];
  const headers: QfHeader[] = [];
  const unknown: QfUnknownRecord[] = [];
  let pending: { orcpt?: string; finalRecipient?: string; controller?: string } = {};
  let last = "";
  for (const rec of recs) {
    const code = rec[0] ?? "";
    const rest = rec.slice(1);
    let known = true;
    switch (code) {
      case "V":
        version = toInt(rest);
        break;
      case "T":
        createdAt = toInt(rest);
        break;
      case "K":
        lastAttempt = toInt(rest);
        break;
      case "N":
        attempts = toInt(rest);
        break;
      case "P":
        priority = toInt(rest);
        break;
      case "I":
        env.inode = rest;
        break;
      case "d":
        env.dataDir = rest;
        break;
      case "B":
        env.bodyType = rest;
        break;
      case "q":
        env.quarantine = rest;
        break;
      case "M":
        env.status = rest;
        break;
      case "F":
        flags += rest;
        break;
      case "$": {
        let name: string;
        let value: string;
        if (rest.startsWith("{")) {
          const close = rest.indexOf("}");
          if (close < 0) {
            known = false;
            break;
          }
          name = rest.slice(1, close);
          value = rest.slice(close + 1);
        } else {
          name = rest.slice(0, 1);
          value = rest.slice(1);
        }
        macros.push({ name, value });
        break;
      }
      case "S":
        sender = rest;
        break;
      case "A":
        env.auth = rest;
        break;
      case "Z":
        env.envid = rest;
        break;
      case "!":
        env.deliverBy = rest;
        break;
      case "C":
        pending.controller = rest;
        break;
      case "Q":
        pending.orcpt = rest;
        break;
      case "r":
        pending.finalRecipient = rest;
        break;
      case "R": {
        let rflags = "";
        let address = rest;
        if ((version ?? 0) >= 1) {
          const colon = rest.indexOf(":");
          if (colon >= 0) {
            rflags = rest.slice(0, colon);
            address = rest.slice(colon + 1);
          }
        }
        recipients.push({ flags: rflags, address, ...pending });
        pending = {};
        break;
      }
      case "H": {
        let condition: string | null = null;
        let field = rest;
        if (field.startsWith("?")) {
          const q = field.indexOf("?", 1);
          if (q > 0) {
            condition = field.slice(1, q);
            field = field.slice(q + 1);
          }
        }
        const colon = field.indexOf(":");
        if (colon < 0) headers.push({ condition, name: field, value: "" });
        else headers.push({ condition, name: field.slice(0, colon), value: field.slice(colon + 1) });
        break;
      }
      default:
        known = false;
    }
    if (known) last = code;
    else unknown.push({ after: last, text: rec });
  }
  return {
    version,
    createdAt,
    lastAttempt,
    attempts,
    priority,
    flags,
    macros,
    sender,
    recipients,
    headers,
    unknown,
    ...env,
  };
}

/** The record order of serializeQf (C, Q, r belong to the recipient block). */
const ORDER = "VTKNPIdBqMF$SAZ!CQrRH";

/** Serialize an envelope as sendmail 8.17 writes a qf file (latin1 text, "\n" line ends). */
export function serializeQf(env: QfEnvelope): string {
  const out: string[] = [];
  const unknownAfter = new Map<string, string[]>();
  for (const u of env.unknown) {
    let list = unknownAfter.get(u.after);
    if (list === undefined) unknownAfter.set(u.after, (list = []));
    list.push(u.text);
  }
  const flush = (code: string): void => {
    const list = unknownAfter.get(code);
    if (list !== undefined) {
      for (const t of list) out.push(t);
      unknownAfter.delete(code);
    }
  };
  flush("");
  const put = (code: string, value: string | undefined | null): void => {
    if (value === undefined || value === null) return;
    out.push(code + value);
  };
  put("V", env.version === null ? null : String(env.version));
  flush("V");
  put("T", String(env.createdAt));
  flush("T");
  put("K", String(env.lastAttempt));
  flush("K");
  put("N", String(env.attempts));
  flush("N");
  put("P", String(env.priority));
  flush("P");
  put("I", env.inode);
  flush("I");
  put("d", env.dataDir);
  flush("d");
  put("B", env.bodyType);
  flush("B");
  put("q", env.quarantine);
  flush("q");
  put("M", env.status);
  flush("M");
  put("F", env.flags);
  flush("F");
  for (const m of env.macros) out.push("$" + (m.name.length === 1 ? m.name : `{${m.name}}`) + m.value);
  flush("$");
  put("S", env.sender);
  flush("S");
  put("A", env.auth);
  flush("A");
  put("Z", env.envid);
  flush("Z");
  put("!", env.deliverBy);
  flush("!");
  const v1 = (env.version ?? 0) >= 1;
  for (const r of env.recipients) {
    put("C", r.controller);
    put("Q", r.orcpt);
    put("r", r.finalRecipient);
    out.push("R" + (v1 ? r.flags + ":" : "") + r.address);
  }
  flush("C");
  flush("Q");
  flush("r");
  flush("R");
  for (const h of env.headers) out.push("H" + (h.condition === null ? "" : `?${h.condition}?`) + h.name + ":" + h.value);
  flush("H");
  // records after unknown codes that were never reached
  for (const code of [...unknownAfter.keys()].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))) flush(code);
  out.push(".");
  return out.join("\n") + "\n";
}

/** Make an empty version-8 envelope (fields to be filled in by the caller). */
export function newEnvelope(fields: Partial<QfEnvelope> & { sender: string; createdAt: number }): QfEnvelope {
  return {
    version: 8,
    lastAttempt: 0,
    attempts: 0,
    priority: 0,
    flags: "",
    macros: [],
    recipients: [],
    headers: [],
    unknown: [],
    ...fields,
  };
}
