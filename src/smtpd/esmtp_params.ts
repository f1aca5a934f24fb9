/*
 * esmtp_params - the argument of MAIL FROM: / RCPT TO: split into the path
 * and its ESMTP parameters, and the checks sendmail applies to each
 * parameter, with sendmail's reply for each failure.
 *
 * RFC 5321 4.1.2 / RFC 1869:
 *   Mail-parameters  = esmtp-param *(SP esmtp-param)
 *   esmtp-param      = esmtp-keyword ["=" esmtp-value]
 *   esmtp-keyword    = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
 *   esmtp-value      = 1*(%d33-60 / %d62-126)   ; any CHAR excluding "=", SP, CTL
 * RFC 1870 (SIZE):    size-param = "SIZE=" 1*20DIGIT
 * RFC 6152 (BODY):    body-value = "7BIT" / "8BITMIME"
 * RFC 3461 (DSN):
 *   ret-value   = "FULL" / "HDRS"
 *   envid-value = xtext
 *   notify-esmtp-value = "NEVER" / 1#notify-list-element
 *   notify-list-element = "SUCCESS" / "FAILURE" / "DELAY"
 *   orcpt-value = addr-type ";" xtext
 *   xtext = *( xchar / hexchar )
 *   xchar = any ASCII CHAR between "!" (33) and "~" (126) inclusive, except "+" and "="
 *   hexchar = "+" 2(%x30-39 / %x41-46)   ; "+" and two upper case hex digits
 * RFC 4954 (AUTH):    auth-param = "AUTH=" xtext  ("<>" allowed)
 * RFC 2852 (BY):      by-value = by-time ";" by-mode ["T"]; by-mode = "N" / "R"
 *
 * Sendmail keeps two pieces of DSN state in the envelope, not in the
 * command: a RET= or ENVID= seen in a MAIL command that later failed still
 * counts, so the next MAIL with RET= gets "Duplicate RET parameter" until
 * RSET (or the end of the transaction) clears it. DsnState models that.
 */

import { reply, type Reply } from "./reply.js";

export interface EsmtpParam {
  /** Keyword as written. */
  readonly keyword: string;
  /** Value, or null for a keyword without "=". */
  readonly value: string | null;
}

export interface PathArgument {
  /** The address as written ("<a@b>", "a@b", "<>"). */
  readonly raw: string;
  /** The address without angle brackets. */
  readonly address: string;
  readonly params: readonly EsmtpParam[];
}

export type PathSplit =
  | ({ readonly kind: "ok" } & PathArgument)
  /** "501 5.5.2 Syntax error in parameters scanning \"WORD\"" (WORD: text before the colon). */
  | { readonly kind: "syntax"; readonly word: string }
  /** "553 5.0.0 RAW... Unbalanced 'C'". */
  | { readonly kind: "unbalanced"; readonly raw: string; readonly char: "<" | ">" }
  /** "553 5.0.0 <>... User address required" (RCPT TO:<>). */
  | { readonly kind: "empty"; readonly raw: string };

/**
 * Split "FROM:<a@b> SIZE=10" (the text after the verb) for the given
 * prefix ("FROM" / "TO"). Blanks are allowed after the colon. The address
 * itself is parsed by the address layer; only the bracket balance that
 * sendmail reports before any ruleset runs is checked here.
 */
export function splitPathArgument(arg: string, prefix: string): PathSplit {
  const colon = arg.indexOf(":");
  const word = (colon < 0 ? arg : arg.slice(0, colon)).replace(/[ \t]+$/, "");
  if (colon < 0 || word.toUpperCase() !== prefix) return { kind: "syntax", word };
  let rest = arg.slice(colon + 1).replace(/^[ \t]+/, "");
  if (rest === "") return { kind: "syntax", word };
  let raw: string;
  if (rest.startsWith("<")) {
    const close = rest.indexOf(">");
    raw = close < 0 ? rest.replace(/[ \t].*$/, "") : rest.slice(0, close + 1);
  } else {
    const sp = rest.search(/[ \t]/);
    raw = sp < 0 ? rest : rest.slice(0, sp);
  }
  const opens = raw.split("<").length - 1;
  const closes = raw.split(">").length - 1;
  if (opens > closes) return { kind: "unbalanced", raw, char: "<" };
  if (closes > opens) return { kind: "unbalanced", raw, char: ">" };
  rest = rest.slice(raw.length);
  const params: EsmtpParam[] = [];
  for (const w of rest.split(/[ \t]+/)) {
    if (w === "") continue;
    const eq = w.indexOf("=");
    params.push(eq < 0 ? { keyword: w, value: null } : { keyword: w.slice(0, eq), value: w.slice(eq + 1) });
  }
  const address = raw.startsWith("<") && raw.endsWith(">") ? raw.slice(1, -1) : raw;
  return { kind: "ok", raw, address, params };
}

/** RFC 3461 xtext check (sendmail's xtextok: "+" must be followed by two hex digits). */
export function xtextOk(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (s[i] === "+") {
      if (!/^[0-9A-F]{2}$/.test(s.slice(i + 1, i + 3))) return false;
      i += 2;
    } else if (c < 33 || c > 126 || s[i] === "=") return false;
  }
  return true;
}

/** strtol-like parse of a SIZE value: leading digits, 0 for none; null if out of range. */
function parseSize(v: string): number | null {
  const m = /^[ \t]*([+-]?)(\d*)/.exec(v)!;
  const digits = m[2]!.replace(/^0+/, "");
  if (digits.length > 19 || (digits.length === 19 && digits > "9223372036854775807")) return null;
  const n = digits === "" ? 0 : Number(digits);
  return m[1] === "-" ? -n : n;
}

export interface MailParams {
  size: number | null;
  body: "7BIT" | "8BITMIME" | null;
  ret: "FULL" | "HDRS" | null;
  envid: string | null;
  auth: string | null;
  by: { readonly seconds: number; readonly mode: "N" | "R"; readonly trace: boolean } | null;
}

export interface RcptParams {
  notify: readonly ("NEVER" | "SUCCESS" | "FAILURE" | "DELAY")[] | null;
  orcpt: string | null;
}

/** Envelope DSN state that survives a failed MAIL command (see above). */
export interface DsnState {
  retSeen: boolean;
  envidSeen: boolean;
}

export interface ParamContext {
  /** DSN offered (not suppressed by PrivacyOptions=noreceipts / srv_features D). */
  readonly dsn: boolean;
  /** MaxMessageSize (0: unlimited). */
  readonly maxMessageSize: number;
  readonly dsnState: DsnState;
}

export type ParamResult<T> = { readonly ok: true; readonly params: T } | { readonly ok: false; readonly reply: Reply };

const err = (code: number, dsn: string, text: string): { ok: false; reply: Reply } => ({ ok: false, reply: reply(code, dsn, text) });

/** Check MAIL parameters in order, as sendmail's mail_esmtp_args() does. */
export function parseMailParams(params: readonly EsmtpParam[], ctx: ParamContext): ParamResult<MailParams> {
  const out: MailParams = { size: null, body: null, ret: null, envid: null, auth: null, by: null };
  for (const { keyword, value } of params) {
    const kw = keyword.toUpperCase();
    if (kw === "SIZE") {
      if (value === null) return err(501, "5.5.2", "SIZE requires a value");
      const n = parseSize(value);
      if (n === null) return err(552, "5.2.3", "Message size exceeds maximum value");
      if (n < 0) return err(552, "5.2.3", "Message size invalid");
      out.size = n;
    } else if (kw === "BODY") {
      if (value === null) return err(501, "5.5.2", "BODY requires a value");
      const v = value.toUpperCase();
      if (v !== "7BIT" && v !== "8BITMIME") return err(501, "5.5.4", `Unknown BODY type ${value}`);
      out.body = v;
    } else if (kw === "ENVID") {
      if (!ctx.dsn) return err(504, "5.7.0", "Sorry, ENVID not supported, we do not allow DSN");
      if (value === null) return err(501, "5.5.2", "ENVID requires a value");
      if (!xtextOk(value)) return err(501, "5.5.4", "Syntax error in ENVID parameter value");
      if (ctx.dsnState.envidSeen) return err(501, "5.5.0", "Duplicate ENVID parameter");
      ctx.dsnState.envidSeen = true;
      out.envid = value;
    } else if (kw === "RET") {
      if (!ctx.dsn) return err(504, "5.7.0", "Sorry, RET not supported, we do not allow DSN");
      if (value === null) return err(501, "5.5.2", "RET requires a value");
      if (ctx.dsnState.retSeen) return err(501, "5.5.0", "Duplicate RET parameter");
      ctx.dsnState.retSeen = true;
      const v = value.toUpperCase();
      if (v !== "FULL" && v !== "HDRS") return err(501, "5.5.2", `Bad argument "${value}" to RET`);
      out.ret = v;
    } else if (kw === "AUTH") {
      if (value === null) return err(501, "5.5.2", "AUTH= requires a value");
      if (out.auth !== null) return err(501, "5.5.0", "Duplicate AUTH parameter");
      if (value !== "<>" && !xtextOk(value)) return err(501, "5.5.4", "Syntax error in AUTH parameter value");
      out.auth = value;
    } else if (kw === "BY") {
      if (value === null) return err(501, "5.5.2", "BY= requires a value");
      const semi = value.indexOf(";");
      if (semi < 0) return err(501, "5.5.2", "BY= missing ';'");
      const t = /^[ \t]*[+-]?\d+/.exec(value.slice(0, semi));
      const seconds = t === null ? 0 : Number(t[0]);
      if (!Number.isSafeInteger(seconds)) return err(501, "5.5.2", `BY=${value} out of range`);
      const mode = value.charAt(semi + 1).toUpperCase();
      if (mode !== "N" && mode !== "R") return err(501, "5.5.2", `illegal by-mode '${value.charAt(semi + 1)}'`);
      const traceChar = value.charAt(semi + 2);
      if (traceChar !== "" && traceChar.toUpperCase() !== "T") return err(501, "5.5.2", `illegal by-trace '${traceChar}'`);
      if (mode === "R" && seconds <= 0) return err(501, "5.5.4", "mode R requires BY time > 0");
      out.by = { seconds, mode, trace: traceChar !== "" };
    } else {
      return err(555, "5.5.4", `${keyword} parameter unrecognized`);
    }
  }
  if (ctx.maxMessageSize > 0 && out.size !== null && out.size > ctx.maxMessageSize) {
    return err(552, "5.2.3", `Message size exceeds fixed maximum message size (${ctx.maxMessageSize})`);
  }
  return { ok: true, params: out };
}

/** Check RCPT parameters in order, as sendmail's rcpt_esmtp_args() does. */
export function parseRcptParams(params: readonly EsmtpParam[], ctx: { readonly dsn: boolean }): ParamResult<RcptParams> {
  const out: { notify: RcptParams["notify"]; orcpt: string | null } = { notify: null, orcpt: null };
  for (const { keyword, value } of params) {
    const kw = keyword.toUpperCase();
    if (kw === "NOTIFY") {
      if (!ctx.dsn) return err(504, "5.7.0", "Sorry, NOTIFY not supported, we do not allow DSN");
      if (value === null) return err(501, "5.5.2", "NOTIFY requires a value");
      const items = value.split(",");
      const list: ("NEVER" | "SUCCESS" | "FAILURE" | "DELAY")[] = [];
      for (const item of items) {
        const v = item.toUpperCase();
        if (v === "NEVER" && items.length > 1) return err(501, "5.5.4", `Bad argument "${item}"  to NOTIFY`);
        if (v !== "NEVER" && v !== "SUCCESS" && v !== "FAILURE" && v !== "DELAY") return err(501, "5.5.4", `Bad argument "${item}"  to NOTIFY`);
        list.push(v);
      }
      out.notify = list;
    } else if (kw === "ORCPT") {
      if (!ctx.dsn) return err(504, "5.7.0", "Sorry, ORCPT not supported, we do not allow DSN");
      if (value === null) return err(501, "5.5.2", "ORCPT requires a value");
      if (out.orcpt !== null) return err(501, "5.5.0", "Duplicate ORCPT parameter");
      const semi = value.indexOf(";");
      if (semi <= 0 || !xtextOk(value.slice(semi + 1))) return err(501, "5.5.4", "Syntax error in ORCPT parameter value");
      out.orcpt = value;
    } else {
      return err(555, "5.5.4", `${keyword} parameter unrecognized`);
    }
  }
  return { ok: true, params: out };
}
