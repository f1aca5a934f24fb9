/*
 * testmode - sendmail -bt: the address test mode session. Reads lines
 * (in 2047-octet chunks, like fgets into a MAXLINE buffer), echoes them
 * in verbose mode, and interprets each one as sendmail's testmodeline()
 * does: ruleset lists with addresses, .D/.C, =S/=M, -d, $x/$=X and the
 * slash commands.
 */

import { readFileSync } from "node:fs";
import { Diagnostics } from "../cf/diag.js";
import { expand, macidParse, translateDollars } from "../cf/macros.js";
import { renderMailers, renderRule, xputs } from "../cf/render.js";
import { scanAddress } from "../ruleset/address.js";
import { crackaddr } from "./crackaddr.js";
import { Verifier } from "./verify.js";
import type { Engine } from "../ruleset/engine.js";
import { EX_OK } from "../ruleset/rewrite.js";
import type { LookupResult, MaybePromise } from "../map/classes/types.js";

export const BT_BANNER = "ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n";

const RF_SENDERADDR = 1;
const RF_HEADERADDR = 2;

/** Thrown by /quit. */
export class QuitSession extends Error {
  constructor() {
    super("quit");
  }
}

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}

/** One -bt session over an engine. */
export class TestSession {
  tryflags = 0;

  constructor(readonly eng: Engine) {}

  /** The ColonOkInAddr option (crackaddr keeps group syntax unless it is set). */
  private get colonOk(): boolean {
    const v = this.eng.model.optionValues.get("ColonOkInAddr");
    return v?.kind === "boolean" ? v.value : false;
  }

  private print(s: string): void {
    this.eng.out(s);
  }

  private diag(): Diagnostics {
    return new Diagnostics(null);
  }

  private flushDiag(d: Diagnostics): void {
    for (const e of d.list) this.print(e.text + "\n");
    if (d.exitStatus !== EX_OK && this.eng.exitStatus === EX_OK) this.eng.exitStatus = d.exitStatus;
  }

  private macid(s: string, pos: number): { id: number; end: number } {
    const d = this.diag();
    const r = macidParse(s, pos, this.eng.ids, d);
    this.flushDiag(d);
    return r;
  }

  /** testmodeline(): interpret one line. */
  line(line: string): MaybePromise<void> {
    if (line.length === 0 || line[0] === "#") return;
    const eng = this.eng;
    switch (line[0]) {
      case "?":
        this.help();
        return;
      case ".":
        this.dotCommand(line);
        return;
      case "=":
        if (line[1] === "S") {
          const d = this.diag();
          const rs = this.strtorwset(line.slice(2), d);
          this.flushDiag(d);
          if (rs < 0) {
            this.print(`Undefined ruleset ${line.slice(2)}\n`);
            return;
          }
          for (const r of eng.rules(rs)) this.print(renderRule(r, eng.namer) + "\n");
        } else if (line[1] === "M") this.print(renderMailers(eng.model));
        else if (line.length === 1) this.print("Usage: =Sruleset or =M\n");
        else this.print(`Unknown "=" command ${line}\n`);
        return;
      case "-":
        if (line[1] === "d") eng.debug.set(line.slice(2));
        else if (line.length === 1) this.print("Usage: -d{debug arguments}\n");
        else this.print(`Unknown "-" command ${line}\n`);
        return;
      case "$": {
        if (line[1] === "=") {
          const { id } = this.macid(line, 2);
          if (id !== 0) for (const w of eng.classWords(id)) this.print(w + "\n");
          return;
        }
        const { id } = this.macid(line, 1);
        if (id === 0) return;
        const v = eng.macvalue(id);
        this.print(v === undefined ? "Undefined\n" : xputs(v, eng.namer) + "\n");
        return;
      }
      case "/":
        return this.slashCommand(line);
    }
    return this.addressLine(line);
  }

  /** "?": the -bt entries of the help file. */
  private help(): void {
    const opt = this.eng.model.optionValues.get("HelpFile");
    const file = opt?.kind === "string" && opt.value !== null ? opt.value : "/etc/mail/helpfile";
    let text: string;
    try {
      text = readFileSync(file, "latin1");
    } catch {
      this.print("HELP: could not open help file\n");
      return;
    }
    const eng = this.eng;
    for (const l of text.split("\n")) {
      if (!l.startsWith("-bt\t")) continue;
      const v = expand(translateDollars(l.slice(4), eng.model.configLevel, eng.ids, null), eng.macroTable, null);
      this.print(v + "\n");
    }
    this.print("End of HELP info\n");
  }

  private strtorwset(p: string, d: Diagnostics): number {
    p = p.replace(/^[ \t\n\r\f\v]+/, "");
    const c = p.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      for (let i = 0; i < p.length && p.charCodeAt(i) >= 0x30 && p.charCodeAt(i) <= 0x39; i++) n = n * 10 + p.charCodeAt(i) - 0x30;
      if (n >= 100) {
        d.syserrNoLocation(`bad ruleset ${n} (100 max)`);
        return -1;
      }
      return n;
    }
    let e = 0;
    while (e < p.length && /[A-Za-z0-9_]/.test(p[e]!)) e++;
    if (e === 0) {
      d.syserrNoLocation(`invalid ruleset name: "${p.slice(0, 20)}"`);
      return -1;
    }
    return this.eng.model.rulesetNumbers.get(p.slice(0, e)) ?? -1;
  }

  private dotCommand(line: string): void {
    const eng = this.eng;
    if (line[1] === "D") {
      const { id, end } = this.macid(line, 2);
      if (id === 0) return;
      const d = this.diag();
      const v = translateDollars(line.slice(end), eng.model.configLevel, eng.ids, d);
      this.flushDiag(d);
      eng.defineMacro(id, v);
    } else if (line[1] === "C") {
      if (line.length === 2) return;
      const { id, end } = this.macid(line, 2);
      if (id === 0) return;
      const d = this.diag();
      const v = expand(translateDollars(line.slice(end), eng.model.configLevel, eng.ids, d), eng.macroTable, d);
      this.flushDiag(d);
      for (const w of v.split(/[ \t\n\r\f\v]+/)) if (w.length > 0) eng.addToClass(id, w);
    } else if (line.length === 1) this.print("Usage: .[DC]macro value(s)\n");
    else this.print(`Unknown "." command ${line}\n`);
  }

  private addressLine(line: string): MaybePromise<void> {
    const eng = this.eng;
    let p = 0;
    while (isSpace(line[p])) p++;
    const q = p;
    while (p < line.length && !isSpace(line[p])) p++;
    if (p >= line.length) {
      this.print("No address!\n");
      return;
    }
    const list = line.slice(q, p);
    let rest = line.slice(p + 1);
    if (this.invalidaddr(rest)) return;
    const table = eng.model.configLevel >= 9 ? eng.tables.noc : eng.tables.ext;
    const step = (): MaybePromise<void> => {
      for (;;) {
        const sc = scanAddress(rest, 0x2c, table, (t) => eng.usrerr(t), eng.eightBitAddrOk);
        const next = rest.slice(sc.end);
        if (sc.tokens !== null) {
          const r = this.runList(list, sc.tokens);
          if (r instanceof Promise) {
            return r.then(() => {
              if (next.length === 0) return;
              rest = next.slice(1);
              return step();
            });
          }
        }
        if (next.length === 0) return;
        rest = next.slice(1);
      }
    };
    return step();
  }

  /** invalidaddr(): 8-bit meta octets and the 255-octet limit. */
  private invalidaddr(addr: string): boolean {
    let bad = false;
    for (let i = 0; i < addr.length; i++) {
      if (!this.eng.eightBitAddrOk && (addr.charCodeAt(i) & 0xe0) === 0x80) bad = true;
      if (i + 1 > 255) {
        this.print(`Address "${addr.slice(0, 255)}" too long (255 bytes max)\n`);
        return true;
      }
    }
    if (bad) this.print(`8-bit character in mailbox address "${addr.replace(/[\x80-\x9f]/g, "?")}"\n`);
    return bad;
  }

  /** Apply each ruleset of "3,0" in turn to the same token list. */
  private runList(list: string, pvp: string[]): MaybePromise<void> {
    const eng = this.eng;
    let p = 0;
    const step = (): MaybePromise<void> => {
      while (p < list.length) {
        const cur = list.slice(p);
        const d = this.diag();
        const rs = this.strtorwset(cur, d);
        this.flushDiag(d);
        if (rs < 0) {
          this.print(`Undefined ruleset ${cur}\n`);
          return;
        }
        const done = (status: number): void => {
          if (status !== EX_OK) this.print(`== Ruleset ${cur} (${rs}) status ${status}\n`);
          while (p < list.length && list[p++] !== ",") {
            /* skip to the next name */
          }
        };
        const r = eng.rewrite(pvp, rs);
        if (r instanceof Promise) return r.then((s) => (done(s), step()));
        done(r);
      }
    };
    return step();
  }

  private slashCommand(raw: string): MaybePromise<void> {
    const eng = this.eng;
    let line = raw.replace(/[ \t\n\r\f\v]+$/, "");
    let arg = "";
    const sp = line.search(/[ \t]/);
    if (sp >= 0) {
      let a = sp;
      while (isSpace(line[a])) a++;
      arg = line.slice(a);
      line = line.slice(0, sp);
    }
    const cmd = line.slice(1).toLowerCase();
    if (cmd.length === 0) {
      this.print("Usage: /[canon|map|mx|parse|try|tryflags]\n");
      return;
    }
    switch (cmd) {
      case "quit":
        throw new QuitSession();
      case "mx": {
        if (arg.length === 0) {
          this.print("Usage: /mx address\n");
          return;
        }
        const r = mxHosts(arg, eng.maps.resolver.usesDns());
        const fin = (hosts: string[]): void => {
          this.print(`getmxrr(${arg}) returns ${hosts.length} value(s):\n`);
          for (const h of hosts) this.print(`\t${h}\n`);
        };
        return r instanceof Promise ? r.then(fin) : fin(r);
      }
      case "canon": {
        if (arg.length === 0) {
          this.print("Usage: /canon address\n");
          return;
        }
        if (arg.length >= 256) {
          this.print("Name too long\n");
          return;
        }
        const r = eng.maps.resolver.canon(arg);
        const fin = (c: { status: string; name: string }): void => {
          this.print(`getcanonname(${arg}) returns ${c.status === "found" ? c.name : arg}\n`);
        };
        return r instanceof Promise ? r.then(fin) : fin(r);
      }
      case "map": {
        if (arg.length === 0) {
          this.print("Usage: /map mapname key\n");
          return;
        }
        const m = /^([^ \t\n\r\f\v]*)[ \t\n\r\f\v]?(.*)$/s.exec(arg)!;
        if (m[0].length === m[1]!.length) {
          this.print("No key specified\n");
          return;
        }
        const name = m[1]!;
        const key = m[2]!;
        const map = eng.maps.get(name);
        if (map === null) {
          this.print(`Map named "${name}" not found\n`);
          return;
        }
        if (!map.open) {
          this.print(`Map named "${name}" not open\n`);
          return;
        }
        map.impl.open?.();
        this.print(`map_lookup: ${name} (${key}) `);
        const r = map.impl.lookup(key, [key]);
        const fin = (x: LookupResult): void => {
          if (x.kind === "found") this.print(`returns ${x.value} (0)\n`);
          else if (x.kind === "notfound") this.print(`no match (${x.status ?? 0})\n`);
          else if (x.kind === "tempfail") this.print(`no match (75)\n`);
          else this.print(`no match (${x.status})\n`);
        };
        return r instanceof Promise ? r.then(fin) : fin(r);
      }
      case "try": {
        const m = /^([^ \t]*)[ \t]*(.*)$/s.exec(arg)!;
        if (m[2]!.length === 0) {
          this.print("Usage: /try mailer address\n");
          return;
        }
        const mailer = eng.model.mailers.find((x) => x.name.toLowerCase() === m[1]!.toLowerCase());
        if (mailer === undefined) {
          this.print(`Unknown mailer ${m[1]}\n`);
          return;
        }
        this.print(
          `Trying ${this.tryflags & RF_HEADERADDR ? "header" : "envelope"} ${this.tryflags & RF_SENDERADDR ? "sender" : "recipient"} address ${m[2]} for mailer ${mailer.name}\n`,
        );
        return this.remotename(m[2]!, mailer);
      }
      case "tryflags": {
        if (arg.length === 0) {
          this.print("Usage: /tryflags [Hh|Ee][Ss|Rr]\n");
          return;
        }
        for (const c of arg) {
          if (c === "H" || c === "h") this.tryflags |= RF_HEADERADDR;
          else if (c === "E" || c === "e") this.tryflags &= ~RF_HEADERADDR;
          else if (c === "S" || c === "s") this.tryflags |= RF_SENDERADDR;
          else if (c === "R" || c === "r") this.tryflags &= ~RF_SENDERADDR;
        }
        eng.setMacro("addr_type", `${this.tryflags & RF_HEADERADDR ? "h" : "e"} ${this.tryflags & RF_SENDERADDR ? "s" : "r"}`);
        return;
      }
      case "parse":
        if (arg.length === 0) {
          this.print("Usage: /parse address\n");
          return;
        }
        return this.parse(arg);
      default:
        this.print(`Unknown "/" command ${line}\n`);
    }
  }

  /** remotename() for /try: rulesets 3, 1|2, the mailer's S=/R=, 4; prints "Rcode = N, addr = X". */
  private remotename(addr: string, mailer: { flags: string; senderRuleset: { envelope: number; header: number }; recipientRuleset: { envelope: number; header: number } }): MaybePromise<void> {
    const eng = this.eng;
    const sc = scanAddress(addr, 0, eng.tables.ext, (t) => eng.usrerr(t), eng.eightBitAddrOk);
    if (sc.tokens === null) {
      this.print("Rcode = 65, addr = <NULL>\n");
      return;
    }
    const pvp = sc.tokens;
    const mailerFlags = mailer.flags;
    const sender = (this.tryflags & RF_SENDERADDR) !== 0;
    const header = (this.tryflags & RF_HEADERADDR) !== 0;
    const rs = sender ? mailer.senderRuleset : mailer.recipientRuleset;
    const mrs = header ? rs.header : rs.envelope;
    const seq = [3, sender ? 1 : 2];
    if (mrs > 0) seq.push(mrs);
    seq.push(4);
    let rcode = EX_OK;
    let i = 0;
    const step = (): MaybePromise<void> => {
      while (i < seq.length) {
        const r = eng.rewrite(pvp, seq[i++]!);
        const fin = (s: number): boolean => {
          if (s === 75) rcode = 75;
          else if (s !== EX_OK) {
            rcode = s;
            return false;
          }
          return true;
        };
        if (r instanceof Promise) return r.then((s) => (fin(s) ? step() : this.print(`Rcode = ${rcode}, addr = <NULL>\n`)));
        if (!fin(r)) {
          this.print(`Rcode = ${rcode}, addr = <NULL>\n`);
          return;
        }
      }
      const text = catTokens(pvp, eng);
      const fancy = mailerFlags.includes("c") ? "\x81g" : crackaddr(addr, this.colonOk);
      this.print(`Rcode = ${rcode}, addr = ${fancy.replace("\x81g", text)}\n`);
    };
    return step();
  }

  /** /parse: prints the cracked address and runs parseaddr's rulesets (3, 0). */
  private parse(addr: string): MaybePromise<void> {
    const eng = this.eng;
    this.print(`Cracked address = ${xputs(crackaddr(addr, this.colonOk), eng.namer)}\n`);
    this.print(
      `Parsing ${this.tryflags & RF_HEADERADDR ? "header" : "envelope"} ${this.tryflags & RF_SENDERADDR ? "sender" : "recipient"} address\n`,
    );
    const sc = scanAddress(addr, 0, eng.tables.ext, (t) => eng.usrerr(t), eng.eightBitAddrOk);
    if (sc.tokens === null) {
      this.print("Cannot parse\n");
      return;
    }
    const pvp = sc.tokens;
    // parseaddr(): invalidaddr() after prescan, then rulesets 3 and 0, then buildaddr()
    const v = new Verifier(eng, (t) => this.print(t), false, []);
    const done = (line: string | null): void => {
      // buildaddr()'s setstat() (a $#error's status, EX_USAGE for an 8-bit
      // address, EX_SOFTWARE for a missing or unknown mailer) is the session's
      // exit status if none other than EX_OK/EX_TEMPFAIL was set before
      if (v.status !== 0 && (eng.exitStatus === EX_OK || eng.exitStatus === 75)) eng.exitStatus = v.status;
      this.print(line === null ? "Cannot parse\n" : line + "\n");
    };
    // invalidaddr(): too long or 8-bit refuses the address (the non-printable
    // octet case is reported after the rulesets in sendmail: not done here)
    if (addr.length > 255 || (!eng.eightBitAddrOk && /[\x80-\x9f]/.test(addr))) {
      v.checkaddr(addr);
      return done(null);
    }
    const after0 = async (): Promise<void> => done(await v.parseLine(pvp, addr));
    const r3 = eng.rewrite(pvp, 3);
    const then0 = (): MaybePromise<void> => {
      const r0 = eng.rewrite(pvp, 0);
      return r0 instanceof Promise ? r0.then(after0) : after0();
    };
    return r3 instanceof Promise ? r3.then(then0) : then0();
  }
}

/** Tokens joined as cataddr() would (SpaceSub between atoms). */
function catTokens(pvp: readonly string[], eng: Engine): string {
  let out = "";
  let prevAtom = false;
  for (const t of pvp) {
    const atom = eng.tables.ext[t.charCodeAt(0) & 0xff] === 1;
    if (prevAtom && atom) out += eng.spaceSub;
    out += t;
    prevAtom = atom;
  }
  return out;
}

/** MX hosts for /mx (none without DNS, as sendmail without a name server). */
function mxHosts(host: string, dns: boolean): MaybePromise<string[]> {
  if (!dns) return [];
  return import("node:dns").then(async (d) => {
    const r = new d.promises.Resolver({ timeout: 2000, tries: 1 });
    try {
      const mx = await r.resolveMx(host);
      mx.sort((a, b) => a.priority - b.priority);
      return mx.map((m) => m.exchange);
    } catch {
      return [];
    }
  });
}

/** Split input into the lines sendmail's fgets() loop sees (at most 2047 octets each). */
export function* inputLines(text: string): Generator<string> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const nl = text.indexOf("\n", i);
    const end = nl < 0 ? n : nl;
    if (end - i > 2047) {
      yield text.slice(i, i + 2047);
      i += 2047;
      continue;
    }
    yield text.slice(i, end);
    i = end + 1;
  }
}
