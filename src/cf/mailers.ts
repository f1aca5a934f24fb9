/*
 * mailers - M lines (makemailer), Q lines (makequeue) and X lines
 * (milter_setup): "Name, F=value, F=value, ..." definitions.
 */

import { existsSync } from "node:fs";
import { atoi, isAlnum, isDigit, isSpace, lowerAscii, MACROEXPAND, strtol } from "./chars.js";
import { ERRNO_TEXT, type Diagnostics } from "./diag.js";
import { munchString } from "./macros.js";
import type { CfMailer, CfMilter, CfQueueGroup } from "./model.js";
import { convtime, inetAddr, isIPv6Literal } from "./options.js";
import type { SystemDatabases } from "./sysdb.js";

const MAXMAILERS = 25;
const DEFAULT_MAX_RCPT = 100;
const SMTPLINELIM = 990;

export type MutableMailer = { -readonly [K in keyof CfMailer]: CfMailer[K] };

export interface MailerContext {
  readonly diag: Diagnostics;
  readonly db: SystemDatabases;
  readonly configLevel: number;
  readonly line: number | null;
  /** strtorwset(s, pos, ST_ENTER): ruleset number (-1 on error, reported) and end index. */
  strtorwset(s: string, pos: number): { rs: number; end: number };
  /** Is there a queue group of this name? */
  hasQueue(name: string): boolean;
}

/** Collect "Name, X=value, ..." fields; calls onField for each; false if "`=' expected". */
function scanFields(
  line: string,
  start: number,
  onMissingEq: () => void,
  onField: (code: string, value: string) => boolean,
): boolean {
  let p = start;
  while (p < line.length) {
    while (p < line.length && (line[p] === "," || isSpace(line.charCodeAt(p)))) p++;
    const fcode = p < line.length ? line[p]! : "\0";
    while (p < line.length && line[p] !== "=" && line[p] !== ",") p++;
    if (line[p] !== "=") {
      onMissingEq();
      return false;
    }
    p++;
    while (p < line.length && isSpace(line.charCodeAt(p))) p++;
    const m = munchString(line, p, 0x2c);
    if (!onField(fcode, m.value)) return false;
    p = m.end;
  }
  return true;
}

/** The name part of a definition line: up to ',' or white space. */
function scanName(line: string): { name: string; next: number } {
  let p = 0;
  while (p < line.length && line[p] !== "," && !isSpace(line.charCodeAt(p))) p++;
  const name = line.slice(0, p);
  return { name, next: p < line.length ? p + 1 : p };
}

/** sendmail's mailer table. */
export class MailerTable {
  readonly byIndex: MutableMailer[] = [];
  private readonly byName = new Map<string, number>();

  get(name: string): MutableMailer | undefined {
    const i = this.byName.get(lowerAscii(name));
    return i === undefined ? undefined : this.byIndex[i];
  }

  /** makemailer(): define a mailer from the text after 'M'. */
  define(line: string, ctx: MailerContext, builtin = false): void {
    const diag = ctx.diag;
    const { name, next } = scanName(line);
    if (name.length === 0) {
      diag.syserr("name required for mailer");
      return;
    }
    const m: MutableMailer = {
      index: -1,
      name,
      builtin,
      line: ctx.line,
      path: "",
      flags: "",
      senderRuleset: { envelope: 0, header: 0 },
      recipientRuleset: { envelope: 0, header: 0 },
      argv: [],
      eol: "",
      maxMessageSize: 0,
      maxMessages: 0,
      maxRecipients: 0,
      lineLimit: 0,
      nice: 0,
      directory: null,
      uid: -1,
      gid: -1,
      charset: null,
      mtaType: null,
      addrType: null,
      diagType: null,
      wait: 0,
      queueGroup: null,
      rootDirectory: null,
      fields: [],
    };
    let havePath = false;
    let haveArgv = false;
    let haveEol = false;
    const flags = new Set<string>();
    const fields: { code: string; value: string }[] = [];
    const ok = scanFields(
      line,
      next,
      () => diag.syserr(`mailer ${name}: \`=' expected`),
      (fcode, p) => {
        fields.push({ code: fcode, value: p });
        switch (fcode) {
          case "P":
            if (p.length > 0) {
              m.path = p;
              havePath = true;
            }
            break;
          case "F":
            for (const ch of p) if (!isSpace(ch.charCodeAt(0))) flags.add(ch);
            break;
          case "S":
          case "R": {
            const r1 = ctx.strtorwset(p, 0);
            if (r1.rs < 0) return false;
            let header = r1.rs;
            if (p[r1.end] === "/") {
              const r2 = ctx.strtorwset(p, r1.end + 1);
              if (r2.rs < 0) return false;
              header = r2.rs;
            }
            if (fcode === "S") m.senderRuleset = { envelope: r1.rs, header };
            else m.recipientRuleset = { envelope: r1.rs, header };
            break;
          }
          case "E":
            if (p.length === 0) diag.syserr(`mailer ${name}: null end-of-line string`);
            else {
              m.eol = p;
              haveEol = true;
            }
            break;
          case "A":
            if (p.length > 0) {
              m.argv = makeargv(p);
              haveArgv = true;
            }
            break;
          case "M":
            m.maxMessageSize = atoi(p);
            break;
          case "m":
            m.maxMessages = atoi(p);
            break;
          case "r":
            m.maxRecipients = atoi(p);
            break;
          case "L":
            m.lineLimit = Math.max(0, atoi(p));
            break;
          case "N":
            m.nice = atoi(p);
            break;
          case "D":
            if (p.length === 0) diag.syserr(`mailer ${name}: null working directory`);
            else m.directory = p;
            break;
          case "C":
            if (p.length === 0) diag.syserr(`mailer ${name}: null charset`);
            else m.charset = p;
            break;
          case "Q":
            if (p.length === 0) {
              diag.syserr(`mailer ${name}: null queue`);
              break;
            }
            if (!ctx.hasQueue(p)) diag.syserr(`mailer ${name}: unknown queue ${p}`);
            else m.queueGroup = p;
            break;
          case "T": {
            const parts = p.split("/");
            m.mtaType = parts[0]!.length === 0 ? "dns" : parts[0]!;
            const a = parts.length > 1 && parts[1]!.length > 0 ? parts[1]! : null;
            m.addrType = a ?? "rfc822";
            const d = parts.length > 2 ? parts.slice(2).join("/") : "";
            m.diagType = d.length > 0 ? d : "smtp";
            break;
          }
          case "U":
            parseUid(p, m, ctx);
            break;
          case "W":
            m.wait = convtime(p, "s", diag);
            break;
          case "/":
            if (p.length === 0) diag.syserr(`mailer ${name}: null root directory`);
            else m.rootDirectory = p;
            break;
          default:
            diag.syserr(`M${name}: unknown mailer equate ${fcode}=`);
        }
        return true;
      },
    );
    if (!ok) return;
    m.fields = fields;

    if (!haveArgv) {
      diag.syserr(`M${name}: A= argument required`);
      return;
    }
    if (!havePath) {
      diag.syserr(`M${name}: P= argument required`);
      return;
    }
    const existing = this.byName.get(lowerAscii(name));
    if (existing === undefined && this.byIndex.length >= MAXMAILERS) {
      diag.syserr(`too many mailers defined (${MAXMAILERS} max)`);
      return;
    }
    if (m.maxRecipients <= 0) m.maxRecipients = DEFAULT_MAX_RCPT;
    if (flags.has("L")) {
      if (m.lineLimit === 0) m.lineLimit = SMTPLINELIM;
      if (ctx.configLevel < 2) flags.add("7");
    }
    if (m.path === "[TCP]") {
      diag.syserr(`M${name}: P=[TCP] must be replaced by P=[IPC]`);
      return;
    }
    if (m.path === "[IPC]") {
      if (m.argv.length < 2 || m.argv[1]!.length === 0) {
        diag.syserr(`M${name}: too few parameters for ${m.path} mailer`);
        return;
      }
      if (m.argv[0] !== "TCP" && m.argv[0] !== "FILE") {
        diag.warning(`M${name}: Warning: first argument in ${m.path} mailer must be TCP or FILE`);
      }
      if (m.mtaType === null) m.mtaType = "dns";
      if (m.addrType === null) m.addrType = "rfc822";
      if (m.diagType === null) m.diagType = m.argv[0] === "FILE" ? "x-unix" : "smtp";
    } else if (m.path === "[FILE]") {
      if (m.argv.length < 2 || m.argv.length > 2) {
        diag.syserr(`M${name}: too ${m.argv.length < 2 ? "few" : "many"} parameters for [FILE] mailer`);
        return;
      }
      if (m.argv[0] !== "FILE") {
        diag.syserr(`M${name}: first argument in [FILE] mailer must be FILE`);
        return;
      }
    }
    if (!haveEol) {
      const usesU = m.argv.some((a) => {
        for (let i = 0; i + 1 < a.length; i++) if (a.charCodeAt(i) === MACROEXPAND && a[i + 1] === "u") return true;
        return false;
      });
      m.eol = usesU ? "\n" : "\r\n";
    }
    m.flags = sortFlags(flags);
    if (existing !== undefined) {
      m.index = existing;
      this.byIndex[existing] = m;
    } else {
      m.index = this.byIndex.length;
      this.byIndex.push(m);
      this.byName.set(lowerAscii(name), m.index);
    }
  }
}

/** Flags in ASCII order (as a bitmap prints). */
export function sortFlags(flags: Iterable<string>): string {
  return [...new Set(flags)].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0)).join("");
}

/** makeargv(): split on white space. */
function makeargv(p: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < p.length && out.length < 128) {
    const start = i;
    while (i < p.length && !isSpace(p.charCodeAt(i))) i++;
    out.push(p.slice(start, i));
    while (i < p.length && isSpace(p.charCodeAt(i))) i++;
  }
  return out;
}

/** U=user[:group] of a mailer. */
function parseUid(p: string, m: MutableMailer, ctx: MailerContext): void {
  const diag = ctx.diag;
  let i = 0;
  const c0 = p.charCodeAt(0);
  if (!(c0 < 0x80 && isDigit(c0))) {
    const q = i;
    while (i < p.length && p.charCodeAt(i) < 0x80 && (isAlnum(p.charCodeAt(i)) || p[i] === "-" || p[i] === "_")) i++;
    const user = p.slice(q, i);
    while (i < p.length && isSpace(p.charCodeAt(i))) i++;
    if (i < p.length) i++;
    if (user.length === 0) {
      diag.syserr(`mailer ${m.name}: null user name`);
      return;
    }
    const pw = ctx.db.user(user);
    if (pw === null) {
      diag.syserr(`readcf: mailer U= flag: unknown user ${user}`);
      return;
    }
    m.uid = pw.uid;
    m.gid = pw.gid;
  } else {
    const r = strtol(p, 0, 0);
    m.uid = r.value;
    i = r.end;
    while (i < p.length && isSpace(p.charCodeAt(i))) i++;
    if (i < p.length) i++;
  }
  while (i < p.length && isSpace(p.charCodeAt(i))) i++;
  if (i >= p.length) return;
  const c = p.charCodeAt(i);
  if (c < 0x80 && !isDigit(c)) {
    const q = i;
    while (i < p.length && p.charCodeAt(i) < 0x80 && (isAlnum(p.charCodeAt(i)) || "-_.".includes(p[i]!))) i++;
    const group = p.slice(q, i);
    if (group.length === 0) {
      diag.syserr(`mailer ${m.name}: null group name`);
      return;
    }
    const gr = ctx.db.group(group);
    if (gr === null) {
      diag.syserr(`readcf: mailer U= flag: unknown group ${group}`);
      return;
    }
    m.gid = gr.gid;
  } else {
    m.gid = strtol(p, i, 0).value;
  }
}

/* ------------------------------------------------------------- queues */

export type MutableQueueGroup = { -readonly [K in keyof CfQueueGroup]: CfQueueGroup[K] } & { defined: boolean };

export interface QueueContext {
  readonly diag: Diagnostics;
  readonly line: number | null;
  readonly queueDir: string | null;
  readonly maxQueueChildren: number;
  readonly maxRunnersPerQueue: number;
  readonly niceQueueRun: number;
}

export class QueueTable {
  readonly byIndex: MutableQueueGroup[] = [];
  private readonly byName = new Map<string, number>();

  has(name: string): boolean {
    return this.byName.has(lowerAscii(name));
  }

  get(name: string): MutableQueueGroup | undefined {
    const i = this.byName.get(lowerAscii(name));
    return i === undefined ? undefined : this.byIndex[i];
  }

  /** makequeue(). */
  define(line: string, qdef: boolean, ctx: QueueContext): void {
    const diag = ctx.diag;
    if (line.length === 0) {
      diag.syserr("name required for queue");
      return;
    }
    const { name, next } = scanName(line);
    const qg: MutableQueueGroup = {
      index: -1,
      name,
      builtin: !qdef,
      line: ctx.line,
      path: null,
      flags: "",
      interval: 0,
      nice: ctx.niceQueueRun,
      runners: -1,
      maxJobs: 0,
      maxRecipients: 0,
      defined: qdef,
    };
    const flags = new Set<string>();
    const ok = scanFields(
      line,
      next,
      () => diag.syserr(`queue ${name}: \`=' expected`),
      (fcode, p) => {
        switch (fcode) {
          case "P":
            if (p.length === 0) diag.syserr(`queue ${name}: empty path name`);
            else qg.path = p;
            break;
          case "F":
            for (const ch of p) if (!isSpace(ch.charCodeAt(0))) flags.add(ch);
            break;
          case "I":
            qg.interval = convtime(p, "m", diag);
            break;
          case "N":
            qg.nice = atoi(p);
            break;
          case "R": {
            const i = atoi(p);
            if (ctx.maxQueueChildren > 0 && i > ctx.maxQueueChildren) {
              qg.runners = ctx.maxQueueChildren;
              diag.warning(
                `Q=${name}: R=${i} exceeds MaxQueueChildren=${ctx.maxQueueChildren}, set to MaxQueueChildren`,
              );
            } else qg.runners = i;
            break;
          }
          case "J":
            qg.maxJobs = atoi(p);
            break;
          case "r":
            qg.maxRecipients = atoi(p);
            break;
          default:
            diag.syserr(`Q${name}: unknown queue equate ${fcode}=`);
        }
        return true;
      },
    );
    if (!ok) return;
    qg.flags = sortFlags(flags);
    if (qg.path === null) {
      if (ctx.queueDir === null || ctx.queueDir.length === 0) {
        diag.syserr("QueueDir must be defined before queue groups");
        return;
      }
      qg.path = ctx.queueDir;
    }
    if (qg.runners > 1 && !flags.has("f")) {
      diag.warning(`Warning: Q=${name}: R=${qg.runners}: multiple queue runners specified\n\tbut flag 'f' is not set`);
    }
    const existing = this.byName.get(lowerAscii(name));
    if (existing !== undefined) {
      qg.index = existing;
      this.byIndex[existing] = qg;
    } else {
      if (this.byIndex.length >= 50) {
        diag.syserr("too many queue groups defined (50 max)");
        return;
      }
      qg.index = this.byIndex.length;
      this.byIndex.push(qg);
      this.byName.set(lowerAscii(name), qg.index);
    }
    if (qg.runners < 0) qg.runners = ctx.maxRunnersPerQueue > 0 ? ctx.maxRunnersPerQueue : 1;
  }
}

/* ------------------------------------------------------------- milters */

export type MutableMilter = { -readonly [K in keyof CfMilter]: CfMilter[K] };

export class MilterTable {
  readonly list: MutableMilter[] = [];
  private readonly byName = new Set<string>();

  /** milter_setup(). */
  define(line: string, lineNumber: number, diag: Diagnostics, db: SystemDatabases): void {
    const { name, next } = scanName(line);
    if (name.length === 0) {
      diag.syserr("name required for mail filter");
      return;
    }
    const m: MutableMilter = {
      name,
      line: lineNumber,
      socket: null,
      socketFamily: null,
      socketAddress: null,
      socketPort: null,
      flags: "",
      timeouts: { connect: 0, send: 10, read: 10, eom: 300 },
    };
    const flags = new Set<string>();
    const timeouts = { ...m.timeouts };
    const ok = scanFields(
      line,
      next,
      () => diag.syserr(`X${name}: \`=' expected`),
      (fcode, p) => {
        switch (fcode) {
          case "S":
            m.socket = p;
            break;
          case "F":
            for (const ch of p) if (!isSpace(ch.charCodeAt(0))) flags.add(ch);
            break;
          case "T":
            parseMilterTimeouts(p, name, timeouts, diag);
            break;
          default:
            diag.syserr(`X${name}: unknown filter equate ${fcode}=`);
        }
        return true;
      },
    );
    if (!ok) return;
    m.flags = sortFlags(flags);
    m.timeouts = timeouts;
    const errnoText = checkMilterSocket(m, diag, db);
    if (this.byName.has(lowerAscii(name))) {
      diag.syserr(`X${name}: duplicate filter definition`, errnoText ?? undefined);
      return;
    }
    this.byName.add(lowerAscii(name));
    this.list.push(m);
  }
}

/** milter_parse_timeouts(): "C:2m;S:10s;R:10s;E:5m". */
function parseMilterTimeouts(
  spec: string,
  name: string,
  t: { connect: number; send: number; read: number; eom: number },
  diag: Diagnostics,
): void {
  let p = 0;
  while (p < spec.length) {
    while (p < spec.length && (spec[p] === ";" || isSpace(spec.charCodeAt(p)))) p++;
    const fcode = p < spec.length ? spec[p]! : "\0";
    while (p < spec.length && spec[p] !== ":") p++;
    if (spec[p] !== ":") {
      diag.syserr(`X${name}, T=: \`:' expected`);
      return;
    }
    p++;
    while (p < spec.length && isSpace(spec.charCodeAt(p))) p++;
    const m = munchString(spec, p, 0x3b);
    switch (fcode) {
      case "C":
        t.connect = convtime(m.value, "s", diag);
        break;
      case "S":
        t.send = convtime(m.value, "s", diag);
        break;
      case "R":
        t.read = convtime(m.value, "s", diag);
        break;
      case "E":
        t.eom = convtime(m.value, "s", diag);
        break;
      default:
        diag.syserr(`X${name}: unknown filter timeout ${fcode}`);
    }
    p = m.end;
  }
}

/** The parse-only part of milter_open(): returns the errno text left behind, if any. */
function checkMilterSocket(m: MutableMilter, diag: Diagnostics, db: SystemDatabases): string | null {
  const conn = m.socket;
  if (conn === null || conn.length === 0) {
    diag.syserr(`X${m.name}: empty or missing socket information`);
    return null;
  }
  const colon = conn.indexOf(":");
  let family: "local" | "inet" | "inet6";
  let rest: string;
  if (colon >= 0) {
    const proto = lowerAscii(conn.slice(0, colon));
    rest = conn.slice(colon + 1);
    if (proto === "" || proto === "unix" || proto === "local") family = "local";
    else if (proto === "inet") family = "inet";
    else if (proto === "inet6") family = "inet6";
    else {
      diag.syserr(`X${m.name}: unknown socket type ${conn.slice(0, colon)}`, ERRNO_TEXT.EPROTONOSUPPORT);
      return ERRNO_TEXT.EPROTONOSUPPORT;
    }
  } else {
    family = "local";
    rest = conn;
  }
  m.socketFamily = family;
  if (family === "local") {
    if (rest.length >= 108) {
      diag.syserr(`X${m.name}: local socket name ${rest} too long`);
      return null;
    }
    m.socketAddress = rest;
    return existsSync(rest) ? null : ERRNO_TEXT.ENOENT;
  }
  const at = rest.indexOf("@");
  const portText = at >= 0 ? rest.slice(0, at) : rest;
  if (isDigit(portText.charCodeAt(0))) m.socketPort = atoi(portText) & 0xffff;
  else {
    const port = db.service(portText);
    if (port === null) {
      diag.syserr(`X${m.name}: unknown port name ${portText}`);
      return null;
    }
    m.socketPort = port;
  }
  if (at < 0) {
    diag.syserr(`X${m.name}: bad address ${portText} (expected port@host)`);
    return null;
  }
  let host = rest.slice(at + 1);
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    host = end >= 0 ? host.slice(1, end) : host.slice(1);
  }
  m.socketAddress = host;
  const literal = family === "inet" ? inetAddr(host) !== null && isDigit(host.charCodeAt(0)) : isIPv6Literal(host);
  if (!literal && db.host(host, family) === false) {
    diag.syserr(`X${m.name}: Unknown host name ${host}`);
  }
  return null;
}
