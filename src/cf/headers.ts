/*
 * headers - H lines, as chompheader(line, CHHDR_DEF) treats them:
 * "H[?flags?|?${macro}?]Name: template" and header checks
 * "HName: $>Ruleset" / "HName: $>+Ruleset".
 */

import { CALLSUBR, isGraph, isSpace, MACROEXPAND } from "./chars.js";
import type { Diagnostics } from "./diag.js";
import { expand, type MacroIds, type MacroTable } from "./macros.js";
import type { CfHeader, CfHeaderCheck } from "./model.js";

/** sendmail's H_* header flags. */
export const H = {
  EOH: 0x00000001,
  RCPT: 0x00000002,
  DEFAULT: 0x00000004,
  RESENT: 0x00000008,
  CHECK: 0x00000010,
  ACHECK: 0x00000020,
  FORCE: 0x00000040,
  TRACE: 0x00000080,
  FROM: 0x00000100,
  VALID: 0x00000200,
  RECEIPTTO: 0x00000400,
  ERRORSTO: 0x00000800,
  CTE: 0x00001000,
  CTYPE: 0x00002000,
  BCC: 0x00004000,
  ENCODABLE: 0x00008000,
  STRIPCOMM: 0x00010000,
  BINDLATE: 0x00020000,
  USER: 0x00040000,
} as const;

/** HdrInfo[]: the headers sendmail knows, with their flags. */
export const HEADER_INFO: ReadonlyArray<readonly [string, number]> = [
  ["resent-sender", H.FROM | H.RESENT],
  ["resent-from", H.FROM | H.RESENT],
  ["resent-reply-to", H.FROM | H.RESENT],
  ["sender", H.FROM],
  ["from", H.FROM],
  ["reply-to", H.FROM],
  ["errors-to", H.FROM | H.ERRORSTO],
  ["full-name", H.ACHECK],
  ["return-receipt-to", H.RECEIPTTO],
  ["delivery-receipt-to", H.RECEIPTTO],
  ["disposition-notification-to", H.FROM],
  ["to", H.RCPT],
  ["resent-to", H.RCPT | H.RESENT],
  ["cc", H.RCPT],
  ["resent-cc", H.RCPT | H.RESENT],
  ["bcc", H.RCPT | H.BCC],
  ["resent-bcc", H.RCPT | H.BCC | H.RESENT],
  ["apparently-to", H.RCPT],
  ["message-id", 0],
  ["resent-message-id", H.RESENT],
  ["message", H.EOH],
  ["text", H.EOH],
  ["date", 0],
  ["resent-date", H.RESENT],
  ["received", H.TRACE | H.FORCE],
  ["x400-received", H.TRACE | H.FORCE],
  ["via", H.TRACE | H.FORCE],
  ["mail-from", H.TRACE | H.FORCE],
  ["comments", H.FORCE | H.ENCODABLE],
  ["return-path", H.FORCE | H.ACHECK | H.BINDLATE],
  ["content-transfer-encoding", H.CTE],
  ["content-type", H.CTYPE],
  ["content-length", H.ACHECK],
  ["subject", H.ENCODABLE],
  ["x-authentication-warning", H.FORCE],
];

/** Flag bits as names (for CfHeader.headerFlags). */
export function headerFlagNames(flags: number): string[] {
  const out: string[] = [];
  for (const [name, bit] of Object.entries(H)) if (flags & bit) out.push(name);
  return out;
}

interface MutableHeader {
  name: string;
  value: string | null;
  mailerFlags: string;
  macroCondition: string | null;
  flags: number;
  line: number;
}

/** State kept while reading H lines. */
export class HeaderTable {
  readonly headers: MutableHeader[] = [];
  readonly checks: CfHeaderCheck[] = [];
  /** The ST_HEADER symbol table entries (flags by lower-cased name). */
  private readonly info = new Map<string, number>(HEADER_INFO.map(([n, f]) => [n, f]));

  /**
   * One H line (text after the 'H', internal form). strtorwset enters a
   * ruleset name and returns its number (or -1) and where the name ended.
   */
  chomp(
    line: string,
    lineNumber: number,
    ctx: {
      diag: Diagnostics;
      macros: MacroTable;
      ids: MacroIds;
      strtorwset: (s: string, pos: number) => { rs: number; end: number };
    },
  ): void {
    const { diag } = ctx;
    let p = 0;
    let mid = 0;
    let cond = false;
    let mopts = "";
    let shown = line; // what "header syntax error, line ..." prints
    const hse = (): void => diag.syserr(`header syntax error, line "${shown}"`);
    if (line[0] === "?") {
      const q = line.indexOf("?", 1);
      if (q < 0) return hse();
      const inner = line.slice(1, q);
      const c = inner.charCodeAt(0);
      if (c === MACROEXPAND) {
        if (inner.length < 2 || inner.length > 2) return hse();
        mid = inner.charCodeAt(1);
      } else {
        for (let i = 0; i < inner.length; i++) {
          if (inner.charCodeAt(i) >= 0x80) return hse();
          if (!mopts.includes(inner[i]!)) mopts += inner[i];
          cond = true;
        }
      }
      p = q + 1;
      shown = line.slice(0, q);
    }
    const nameStart = p;
    while (p < line.length && isGraph(line.charCodeAt(p)) && line[p] !== ":") p++;
    const nameEnd = p;
    while (p < line.length && isSpace(line.charCodeAt(p))) p++;
    if (line[p] !== ":" || nameEnd === nameStart) return hse();
    const fname = line.slice(nameStart, nameEnd);
    const fvalue = line.slice(p + 1);
    let k = 0;
    while (k < fvalue.length && isSpace(fvalue.charCodeAt(k))) k++;
    const nullheader = k >= fvalue.length;
    if (fname.length > 100) return;

    // header check: "$>Ruleset" / "$>+Ruleset"
    const hbuf = expand(fvalue, ctx.macros, diag, 50);
    let i = 0;
    while (i < hbuf.length && isSpace(hbuf.charCodeAt(i))) i++;
    if (hbuf.charCodeAt(i) === CALLSUBR) {
      i++;
      const strc = hbuf[i] === "+";
      if (strc) i++;
      const r = ctx.strtorwset(hbuf, i);
      if (r.rs > 0) {
        const lname = fname.toLowerCase();
        this.info.set(lname, (this.info.get(lname) ?? 0) | (strc ? 0 : H.STRIPCOMM));
        const existing = this.checks.findIndex((c) => c.header.toLowerCase() === lname);
        const check: CfHeaderCheck = {
          header: fname,
          ruleset: hbuf.slice(i, r.end),
          stripComments: !strc,
          line: lineNumber,
        };
        if (existing >= 0) this.checks[existing] = check;
        else this.checks.push(check);
      }
      return;
    }

    const hiFlags = this.info.get(fname.toLowerCase()) ?? 0;
    const lname = fname.toLowerCase();
    for (const h of this.headers) {
      if (h.name.toLowerCase() !== lname || h.flags & (H.USER | H.FORCE)) continue;
      if (nullheader) return;
      h.value = null;
      if (!cond) mopts = h.mailerFlags;
    }
    let flags = hiFlags | H.DEFAULT;
    if (cond || mid !== 0) flags |= H.CHECK;
    this.headers.push({
      name: fname,
      value: fvalue,
      mailerFlags: [...mopts].sort().join(""),
      macroCondition: mid !== 0 ? ctx.ids.keyOf(mid) : null,
      flags,
      line: lineNumber,
    });
  }

  result(): { headers: CfHeader[]; checks: CfHeaderCheck[] } {
    return {
      headers: this.headers.map((h) => ({
        name: h.name,
        value: h.value,
        mailerFlags: h.mailerFlags,
        macroCondition: h.macroCondition,
        headerFlags: headerFlagNames(h.flags),
        line: h.line,
      })),
      checks: this.checks.slice(),
    };
  }
}
