/*
 * render - print internal strings, rules and mailers exactly as sendmail
 * 8.17 does in address test mode: xputs() (used by "=S", "$x", printav()),
 * the "=S" rule dump and printmailer() ("=M").
 */

import {
  MACRODEXPAND,
  MACROEXPAND,
  MATCHCLASS,
  MATCHNCLASS,
  MATCHREPL,
  META_MACROS,
  isPrint,
} from "./chars.js";
import type { CfMailer, CfModel, CfRule } from "./model.js";

/** Maps a macro id to its printable name (sendmail's macname()). */
export type MacroNamer = (id: number) => string;

const metaNameByValue = new Map<number, string>();
for (const [name, val] of META_MACROS) if (!metaNameByValue.has(val)) metaNameByValue.set(val, name);

/** A MacroNamer for a loaded model. */
export function macroNamer(model: Pick<CfModel, "macroIds">): MacroNamer {
  const names: (string | undefined)[] = new Array(256);
  for (const [name, id] of model.macroIds) names[id] = name;
  return (id: number) => {
    if (id > 0xff) return "***OUT OF RANGE MACRO***";
    if (id <= 0x20 || id > 0x7f) return names[id] ?? "***UNDEFINED MACRO***";
    return String.fromCharCode(id);
  };
}

/** sendmail's xputs() without terminal escapes. */
export function xputs(s: string | null, macname: MacroNamer): string {
  if (s === null) return "<null>";
  let out = "";
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i++);
    if (c >= 0x80) {
      if (c === MATCHREPL) {
        out += "$";
        if (i >= n) continue;
        c = s.charCodeAt(i++);
        out += printChar(c);
        continue;
      }
      if (c === MACROEXPAND || c === MACRODEXPAND) {
        out += "$";
        if (c === MACRODEXPAND) out += "&";
        if (i >= n) continue;
        const nx = s.charCodeAt(i);
        if (nx === 0x3d || nx === 0x7e || nx === 0x26 || nx === 0x3f) {
          out += s[i];
          i++;
        }
        if (i >= n) {
          // "%c" of the NUL terminator prints nothing useful; sendmail reads past it
          continue;
        }
        const id = s.charCodeAt(i++);
        out += id & 0x80 ? `{${macname(id)}}` : String.fromCharCode(id);
        continue;
      }
      const meta = metaNameByValue.get(c);
      if (meta !== undefined) out += "$" + meta;
      if (c === MATCHCLASS || c === MATCHNCLASS) {
        if (i < n) {
          const id = s.charCodeAt(i);
          if (id & 0x80) {
            out += `{${macname(id)}}`;
            i++;
          } else {
            out += s[i];
            i++;
          }
        }
      }
      if (meta !== undefined) continue;
      out += "M-";
      c &= 0x7f;
    }
    out += printChar(c);
  }
  return out;
}

/** The "printchar:" part of xputs(). */
function printChar(c: number): string {
  if (isPrint(c)) return String.fromCharCode(c);
  let d = c;
  if (c === 0x0a) d = 0x6e;
  else if (c === 0x0d) d = 0x72;
  else if (c === 0x09) d = 0x74;
  if (isPrint(d)) return "\\" + String.fromCharCode(d);
  if (d >= 0x80) return "^" + String.fromCharCode((d ^ 0o100) & 0xff);
  return "";
}

/** One rule as "=S" prints it (without the final newline). */
export function renderRule(rule: Pick<CfRule, "lhs" | "rhs">, macname: MacroNamer): string {
  let out = "R";
  for (const t of rule.lhs) out += xputs(t, macname) + " ";
  out += "\t\t";
  for (const t of rule.rhs) out += xputs(t, macname) + " ";
  return out;
}

/** The "=SNAME" output for a ruleset (one line per rule, each ending in "\n"). */
export function renderRuleset(model: CfModel, number: number): string {
  const rs = model.rulesets.get(number);
  if (rs === undefined) return "";
  const namer = macroNamer(model);
  let out = "";
  for (const r of rs.rules) out += renderRule(r, namer) + "\n";
  return out;
}

/** printmailer(): one "=M" line (without the final newline). */
export function renderMailer(m: CfMailer, model: CfModel): string {
  const namer = macroNamer(model);
  const rsName = (n: number): string => model.rulesets.get(n)?.name ?? String(n);
  let out = `mailer ${m.index} (${m.name}): P=${m.path} S=`;
  out += `${rsName(m.senderRuleset.envelope)}/${rsName(m.senderRuleset.header)} R=`;
  out += `${rsName(m.recipientRuleset.envelope)}/${rsName(m.recipientRuleset.header)} `;
  out += `M=${m.maxMessageSize} U=${m.uid}:${m.gid} F=${m.flags.replace(/[^\x00-\x7f]/g, "")}`;
  out += ` L=${m.lineLimit} E=${xputs(m.eol, namer)}`;
  if (m.charset !== null) out += ` C=${m.charset}`;
  out += ` T=${m.mtaType ?? "<undefined>"}/${m.addrType ?? "<undefined>"}/${m.diagType ?? "<undefined>"}`;
  out += ` r=${m.maxRecipients}`;
  if (m.argv.length > 0) out += " A=" + m.argv.map((a) => xputs(a, namer)).join(" ");
  return out;
}

/** The complete "=M" output: every mailer in table order, each line ending in "\n". */
export function renderMailers(model: CfModel): string {
  let out = "";
  for (const m of model.mailers) out += renderMailer(m, model) + "\n";
  return out;
}

/** The "$=X" output: class members, one per line (sendmail prints them in hash order). */
export function renderClass(model: CfModel, name: string): string {
  const cls = model.classes.get(name);
  if (cls === undefined) return "";
  return cls.words.map((w) => w + "\n").join("");
}

/** The "$X" output for a macro ("Undefined" if not set). */
export function renderMacro(model: CfModel, name: string): string {
  const m = model.macros.get(name);
  if (m === undefined) return "Undefined\n";
  return xputs(m.value, macroNamer(model)) + "\n";
}
