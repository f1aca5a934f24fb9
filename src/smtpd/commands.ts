/*
 * commands - the SMTP command table: for each verb a check (state and
 * privacy conditions, answered before anything else) and a proceed step
 * (syntax, parameters, policy, the positive reply). Reply texts and
 * enhanced status codes are sendmail 8.17's.
 */

import { parseMailParams, parseRcptParams, splitPathArgument, type PathArgument } from "./esmtp_params.js";
import { reply, type Reply } from "./reply.js";
import { Transaction, type Session } from "./session.js";

export interface Command {
  readonly verb: string;
  /** State checks; a reply ends the command. */
  check?(s: Session, arg: string): Reply | null;
  proceed(s: Session, arg: string): Promise<void> | void;
  /** The client must wait for our reply before sending more (RFC 2920 3.1 "last in group"). */
  readonly mustWait?: boolean;
  /** Still allowed in the "nomail" state after a protocol violation. */
  readonly allowedWhenRejecting?: boolean;
}

/** sendmail's MAXBADCOMMANDS. */
export const MAX_BAD_COMMANDS = 25;

/** Split the path argument, answering syntax errors; null if one was sent. */
function pathOf(s: Session, arg: string, prefix: "FROM" | "TO"): PathArgument | null {
  const p = splitPathArgument(arg, prefix);
  if (p.kind === "syntax") s.send(reply(501, "5.5.2", `Syntax error in parameters scanning "${p.word}"`));
  else if (p.kind === "unbalanced") s.send(reply(553, "5.0.0", `${p.raw}... Unbalanced '${p.char}'`));
  else if (p.kind === "empty") s.send(reply(553, "5.0.0", `${p.raw}... User address required`));
  else if (prefix === "TO" && p.address === "") s.send(reply(553, "5.0.0", `${p.raw}... User address required`));
  else return p;
  return null;
}

const has = (s: Session, flag: string): boolean => s.config.privacy.has(flag);

function ehloLines(s: Session): string[] {
  const c = s.config;
  const lines: string[] = [];
  lines.push("ENHANCEDSTATUSCODES");
  if (s.feature("p")) lines.push("PIPELINING");
  if (!has(s, "noexpn") && s.feature("x")) lines.push("EXPN");
  if (!has(s, "noverb") && s.feature("b")) lines.push("VERB");
  lines.push("8BITMIME");
  lines.push(c.maxMessageSize > 0 ? `SIZE ${c.maxMessageSize}` : "SIZE");
  if (s.feature("d")) lines.push("DSN");
  if (!has(s, "noetrn") && s.feature("e")) lines.push("ETRN");
  if (c.authMechanisms.length > 0 && s.feature("a")) lines.push(`AUTH ${c.authMechanisms.join(" ")}`);
  if (c.starttls && s.feature("s")) lines.push("STARTTLS");
  lines.push("DELIVERBY");
  lines.push("HELP");
  return lines;
}

async function helo(s: Session, arg: string, esmtp: boolean): Promise<void> {
  const verb = esmtp ? "EHLO" : "HELO";
  const name = arg.trim();
  if (name === "") {
    s.send(reply(501, "5.0.0", `${verb} requires domain address`));
    return;
  }
  if (s.policy.checkHelo) {
    const r = await s.policy.checkHelo(name, s);
    if (r !== null) {
      s.send(r);
      return;
    }
  }
  s.resetTransaction();
  s.helo = name;
  s.esmtp = esmtp;
  const first = `${s.config.hostname} Hello ${s.client.display}, pleased to meet you`;
  s.send(reply(250, null, esmtp ? [first, ...ehloLines(s)] : [first]));
}

function helpReply(s: Session, arg: string): Reply {
  const c = s.config;
  if (c.helpfile === null) return reply(502, "5.3.0", `Sendmail ${c.version} -- HELP not implemented`);
  const topic = (arg.trim() === "" ? "smtp" : arg.trim()).toLowerCase();
  const lines: string[] = [];
  for (const line of c.helpfile.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab < 0 || line.slice(0, tab).toLowerCase() !== topic) continue;
    lines.push(line.slice(tab + 1).replace(/\$v/g, c.version).replace(/\\(.)/g, "$1"));
  }
  if (lines.length === 0) return reply(504, "5.3.0", `HELP topic "${arg.trim().slice(0, 10)}" unknown`);
  return reply(214, "2.0.0", [...lines, "End of HELP info"]);
}

const TABLE: readonly Command[] = [
  { verb: "HELO", mustWait: true, proceed: (s, a) => helo(s, a, false) },
  { verb: "EHLO", mustWait: true, proceed: (s, a) => helo(s, a, true) },
  {
    verb: "MAIL",
    check: (s) => {
      if (s.helo === null && has(s, "needmailhelo")) return reply(503, "5.0.0", "Polite people say HELO first");
      if (s.tx !== null) return reply(503, "5.5.0", "Sender already specified");
      return null;
    },
    proceed: async (s, arg) => {
      const p = pathOf(s, arg, "FROM");
      if (p === null) return;
      const mp = parseMailParams(p.params, { dsn: s.feature("d"), maxMessageSize: s.config.maxMessageSize, dsnState: s.dsnState });
      if (!mp.ok) {
        s.send(mp.reply);
        return;
      }
      const r = await s.policy.checkMail(p.address, mp.params, s);
      if (r !== null) {
        s.send(r);
        if (r.close === true) s.close();
        return;
      }
      s.tx = new Transaction(p.address, p.raw, mp.params);
      s.send(reply(250, "2.1.0", `${p.raw}... Sender ok`));
    },
  },
  {
    verb: "RCPT",
    check: (s) => (s.tx === null ? reply(503, "5.0.0", "Need MAIL before RCPT") : null),
    proceed: async (s, arg) => {
      const tx = s.tx!;
      const p = pathOf(s, arg, "TO");
      if (p === null) return;
      if (s.config.maxRecipients > 0 && tx.recipients.length >= s.config.maxRecipients) {
        s.send(reply(452, "4.5.3", "Too many recipients"));
        return;
      }
      const rp = parseRcptParams(p.params, { dsn: s.feature("d") });
      if (!rp.ok) {
        s.send(rp.reply);
        return;
      }
      const r = await s.policy.checkRcpt(p.address, rp.params, s);
      if (r !== null) {
        s.send(r);
        if (r.close === true) s.close();
        return;
      }
      tx.recipients.push({ address: p.address, params: rp.params });
      s.send(reply(250, "2.1.5", `${p.raw}... Recipient ok`));
    },
  },
  {
    verb: "DATA",
    mustWait: true,
    check: (s) => {
      if (s.tx === null) return reply(503, "5.0.0", "Need MAIL command");
      if (s.tx.recipients.length === 0) return reply(503, "5.0.0", "Need RCPT (recipient)");
      return null;
    },
    proceed: async (s) => {
      const r = await s.policy.checkData(s);
      if (r !== null) {
        s.send(r);
        if (r.close === true) s.close();
        return;
      }
      const tx = s.tx!;
      const writer = s.sink.begin({
        sender: tx.sender,
        mailParams: tx.params,
        recipients: tx.recipients,
        helo: s.helo,
        protocol: s.esmtp ? "ESMTP" : "SMTP",
        clientAddress: s.client.address,
        clientName: s.client.name,
      });
      s.send(reply(354, null, "End data with <CR><LF>.<CR><LF>"));
      s.beginData(writer);
    },
  },
  {
    verb: "RSET",
    allowedWhenRejecting: true,
    proceed: (s) => {
      s.resetTransaction();
      s.send(reply(250, "2.0.0", "Reset state"));
    },
  },
  {
    verb: "VRFY",
    check: (s) => (s.helo === null && has(s, "needvrfyhelo") ? reply(503, "5.0.0", "I demand that you introduce yourself first") : null),
    proceed: async (s, arg) => {
      if (has(s, "novrfy")) {
        s.send(reply(252, "2.5.2", "Cannot VRFY user; try RCPT to attempt delivery (or try finger)"));
        return;
      }
      if (arg.trim() === "") {
        s.send(reply(501, "5.5.2", "Argument required"));
        return;
      }
      const r = s.policy.vrfy ? await s.policy.vrfy(arg.trim(), s) : null;
      s.send(r ?? reply(252, "2.5.2", "Cannot VRFY user; try RCPT to attempt delivery (or try finger)"));
    },
  },
  {
    verb: "EXPN",
    check: (s) => (s.helo === null && has(s, "needexpnhelo") ? reply(503, "5.0.0", "I demand that you introduce yourself first") : null),
    proceed: async (s, arg) => {
      if (has(s, "noexpn") || !s.feature("x")) {
        s.send(reply(502, "5.7.0", "Sorry, we do not allow this operation"));
        return;
      }
      if (arg.trim() === "") {
        s.send(reply(501, "5.5.2", "Argument required"));
        return;
      }
      const r = s.policy.expn ? await s.policy.expn(arg.trim(), s) : null;
      s.send(r ?? reply(502, "5.7.0", "Sorry, we do not allow this operation"));
    },
  },
  {
    verb: "VERB",
    proceed: (s) => {
      if (has(s, "noverb") || !s.feature("b")) s.send(reply(502, "5.7.0", "Verbose unavailable"));
      else s.send(reply(250, "2.0.0", "Verbose mode"));
    },
  },
  {
    verb: "ETRN",
    proceed: async (s, arg) => {
      if (has(s, "noetrn") || !s.feature("e")) {
        s.send(reply(502, "5.7.0", "Sorry, we do not allow this operation"));
        return;
      }
      const a = arg.trim();
      if (a === "") {
        s.send(reply(500, "5.5.2", "Parameter required"));
        return;
      }
      if (s.policy.etrn) {
        const r = await s.policy.etrn(a, s);
        if (r !== null) {
          s.send(r);
          return;
        }
      }
      if (a.startsWith("#")) {
        const q = a.slice(1);
        if (!s.config.queueGroups.includes(q)) s.send(reply(459, "4.5.4", `Queue ${q} unknown`));
        else s.send(reply(250, "2.0.0", `Queuing for queue group ${q} started`));
        return;
      }
      s.send(reply(250, "2.0.0", `Queuing for node ${a} started`));
    },
  },
  { verb: "NOOP", allowedWhenRejecting: true, proceed: (s) => s.send(reply(250, "2.0.0", "OK")) },
  { verb: "HELP", proceed: (s, a) => s.send(helpReply(s, a)) },
  {
    verb: "QUIT",
    allowedWhenRejecting: true,
    proceed: (s) => {
      s.send(reply(221, "2.0.0", `${s.config.hostname} closing connection`));
      s.close();
    },
  },
];

const BY_VERB = new Map(TABLE.map((c) => [c.verb, c]));
/** Commands sendmail knows but does not implement. */
const UNIMPLEMENTED = new Set(["SEND", "SOML", "SAML", "TURN"]);

/** Split a command line into verb and argument as sendmail does (verb ends at the first blank). */
export function splitCommand(line: string): { verb: string; arg: string } {
  // the verb is the leading run of letters and digits ("NOOP\rx" is NOOP)
  const m = /^[ \t]*([A-Za-z0-9]*)[ \t]*(.*)$/s.exec(line)!;
  return { verb: m[1]!.toUpperCase(), arg: m[2]! };
}

/** Handle one command line. */
export async function dispatch(s: Session, line: string): Promise<void> {
  const { verb, arg } = splitCommand(line);
  const cmd = BY_VERB.get(verb);
  if (cmd === undefined) {
    if (UNIMPLEMENTED.has(verb)) {
      s.send(reply(502, "5.5.1", `Command not implemented: "${line}"`));
      return;
    }
    if (++s.badCommands >= MAX_BAD_COMMANDS) {
      s.send(reply(421, "4.7.0", `${s.config.hostname} Too many bad commands; closing connection`));
      s.close();
      return;
    }
    s.send(reply(500, "5.5.1", `Command unrecognized: "${line}"`));
    return;
  }
  if (s.rejectAll && cmd.allowedWhenRejecting !== true) {
    s.send(reply(550, "5.0.0", "Command rejected"));
    return;
  }
  if (cmd.mustWait === true && s.inputPending()) {
    s.send(reply(554, "5.5.0", "SMTP protocol error"));
    if (cmd.verb === "DATA") s.close();
    else s.rejectAll = true;
    return;
  }
  const early = cmd.check?.(s, arg) ?? null;
  if (early !== null) {
    s.send(early);
    return;
  }
  await cmd.proceed(s, arg);
}
