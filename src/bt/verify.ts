/*
 * verify - sendmail -bv: the recipient path of sendmail 8.17 in verify mode.
 *
 * Each argument goes through sendtolist() -> parseaddr() (prescan, rulesets
 * 3 and 0) -> buildaddr() (mailer, host, user; programs, files and
 * :include: from the local mailer's F=|/: flags; rulesets 2, R= and 4) ->
 * recipient(): duplicates are suppressed in a send queue kept sorted by
 * host (sorthost, as sendmail does when FastSplit is on), aliasable mailers
 * are looked up in the AliasFile maps (members expanded depth-first through
 * sendtolist, a list's members handled last first), :include: files read,
 * ruleset 5 applied to local users (maplocaluser), local users checked
 * against the passwd file (a user found there has the ForwardPath files of
 * his home directory read, with sendmail's safety checks: see forward.ts),
 * and self references and loops broken the way self_reference() and
 * testselfdestruct do. Errors come out at once
 * ("ADDR... User unknown"); then every sendable address of the send queue
 * prints "ADDR... deliverable: mailer M, [host H, ]user U". -v adds the
 * progress messages ("aliased to", "including file", "sending to",
 * "forwarding to", "forward: FILE: ERROR", "duplicate suppressed"). The
 * exit status is ExitStat as setstat() keeps it (the first status other
 * than EX_OK/EX_TEMPFAIL wins; EX_TEMPFAIL at the end is 0), or EX_USAGE
 * when only user errors without a status of their own occurred.
 */

import { readFileSync } from "node:fs";
import type { CfMailer } from "../cf/model.js";
import { openMap, type MapHandle, type MapType } from "../map/map.js";
import { cataddr, shortenString, stripquotes } from "../ruleset/address.js";
import { prescan } from "../cf/tokenize.js";
import type { Engine } from "../ruleset/engine.js";
import { Output, openEngine, type SessionOptions } from "./session.js";
import { FORWARD_ERRORS, checkForwardFile, forwardPathEntries, pathExists } from "./forward.js";
import { expand, translateDollars } from "../cf/macros.js";

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_NOUSER = 67;
const EX_UNAVAILABLE = 69;
const EX_SOFTWARE = 70;
const EX_TEMPFAIL = 75;

const CANONNET = 0x96;
const CANONHOST = 0x97;
const CANONUSER = 0x98;

/** sendmail's q_state values (the ones verify mode meets). */
const enum QS {
  OK,
  DONTSEND,
  EXPANDED,
  INCLUDED,
  DUPLICATE,
  REPLACED,
  BADADDR,
  QUEUEUP,
}

const QPRIMARY = 1;
const QSELFREF = 2;
const QRCPTOK = 4;
const QNOTREMOTE = 8;

function isDead(s: QS): boolean {
  return s === QS.DONTSEND || s === QS.EXPANDED || s === QS.INCLUDED || s === QS.DUPLICATE || s === QS.REPLACED;
}

function isSendable(s: QS): boolean {
  return s === QS.OK || s === QS.QUEUEUP;
}

/** An ADDRESS. */
interface Addr {
  paddr: string;
  /** null: the error mailer. */
  mailer: CfMailer | null;
  host: string;
  user: string;
  state: QS;
  flags: number;
  alias: Addr | null;
  /** q_owner: the owner- alias of a list. */
  owner?: string;
}

/** Exit codes of the $#error mailer's $@ words (sendmail's ErrorCodes[]; anything else: EX_UNAVAILABLE). */
const EXIT_NAMES: Record<string, number> = {
  usage: 64,
  nouser: 67,
  nohost: 68,
  unavailable: 69,
  software: 70,
  tempfail: 75,
  protocol: 76,
  config: 78,
};

interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
}

export class Verifier {
  readonly sendq: Addr[] = [];
  /** ExitStat as setstat() keeps it: the first status other than EX_OK/EX_TEMPFAIL wins. */
  status = 0;
  /** A user error without a status of its own (the exit status is EX_USAGE if nothing else set one). */
  errors = false;
  private aliasMaps: MapHandle[] | null = null;
  private readonly aliasSources: string[] = [];
  private readonly warned = new Set<number>();
  /** Options errors (-O) stop sendmail before any address is looked at. */
  optionErrors = false;
  private passwd: Map<string, PasswdEntry> | null = null;
  private fileName: string | null = null;
  private lineNumber = 0;
  private readonly prog: CfMailer | undefined;
  private readonly file: CfMailer | undefined;
  private readonly incl: CfMailer | undefined;
  private readonly maxAliasRecursion: number;

  constructor(
    readonly eng: Engine,
    readonly out: (s: string) => void,
    readonly verbose: boolean,
    readonly aliasSpec: readonly string[],
  ) {
    const byName = (n: string): CfMailer | undefined => eng.model.mailers.find((m) => m.name === n);
    this.prog = byName("prog");
    this.file = byName("*file*");
    this.incl = byName("*include*");
    const mar = eng.model.optionValues.get("MaxAliasRecursion");
    this.maxAliasRecursion = mar?.kind === "integer" ? mar.value : 10;
  }

  /* ------------------------------------------------------------ output */

  private prefix(to: string | null): string {
    const f = this.fileName !== null ? `${this.fileName}: line ${this.lineNumber}: ` : "";
    return f + (to === null || to.length === 0 ? "" : `${shortenString(to, 203)}... `);
  }

  /** message(): shown with -v only. */
  message(to: string | null, text: string): void {
    if (this.verbose) this.out(this.prefix(to) + text + "\n");
  }

  /**
   * usrerr(): always shown. status EX_USAGE (the default) only counts the
   * error (the -bv exit status is EX_USAGE if nothing set another); any
   * other nonzero status goes through setstat(); 0 leaves it. fmtmsg()
   * prints the "ADDR... " prefix only for the reply codes 050, 250, 252,
   * 450, 550 and 553.
   */
  usrerr(to: string | null, text: string, status = EX_USAGE, code = "553"): void {
    const withTo = ["050", "250", "252", "450", "550", "553"].includes(code);
    this.out(this.prefix(withTo ? to : null) + text + "\n");
    if (status === EX_USAGE) this.errors = true;
    else if (status !== 0) this.setstat(status);
  }

  /** setstat(): ExitStat takes st unless it already holds a status other than EX_OK/EX_TEMPFAIL. */
  setstat(st: number): void {
    if (this.status === 0 || this.status === EX_TEMPFAIL) this.status = st;
  }

  /** The exit status at finis(): EX_TEMPFAIL becomes EX_OK. */
  exitStatus(): number {
    const st = this.status !== 0 ? this.status : this.errors ? EX_USAGE : 0;
    return st === EX_TEMPFAIL ? 0 : st;
  }

  /* ------------------------------------------------------------ data */

  private users(): Map<string, PasswdEntry> {
    if (this.passwd !== null) return this.passwd;
    const m = new Map<string, PasswdEntry>();
    try {
      for (const line of readFileSync(process.env.SMTS_PASSWD_FILE ?? "/etc/passwd", "latin1").split("\n")) {
        const f = line.split(":");
        const name = f[0];
        if (name === undefined || name.length === 0 || m.has(name)) continue;
        m.set(name, { name, uid: Number.parseInt(f[2] ?? "", 10) || 0, gid: Number.parseInt(f[3] ?? "", 10) || 0, home: f[5] ?? "" });
      }
    } catch {
      /* nobody is local */
    }
    this.passwd = m;
    return m;
  }

  private maps(): MapHandle[] {
    if (this.aliasMaps !== null) return this.aliasMaps;
    const out: MapHandle[] = [];
    for (const spec of this.aliasSpec) {
      let cls = "implicit";
      let rest = spec.trim();
      const m = /^([A-Za-z0-9_]+):/.exec(rest);
      if (m !== null) {
        cls = m[1]!;
        rest = rest.slice(m[0].length);
      }
      const words = rest.split(/\s+/).filter((w) => w.length > 0);
      let file = "";
      let keepCase = false;
      let nul: "both" | "with" | "without" = "both";
      for (const w of words) {
        if (w.startsWith("-") && file === "") {
          if (w.includes("f")) keepCase = true;
          if (w.includes("N")) nul = "with";
          if (w.includes("O")) nul = "without";
        } else if (file === "") file = w;
      }
      const type: MapType | null = cls === "implicit" || cls === "hash" ? (cls === "implicit" ? "implicit" : "hash") : cls === "btree" || cls === "cdb" ? cls : null;
      if (type === null || file === "") continue;
      try {
        out.push(openMap(type, file, { keepCase, nul, watch: false }));
        this.aliasSources.push(file);
      } catch {
        /* unreadable: no aliases from it */
      }
    }
    this.aliasMaps = out;
    return out;
  }

  private aliasLookup(name: string, to: string | null = null): { value: string | null; temp: boolean } {
    const key = name.toLowerCase() === "postmaster" ? "postmaster" : name;
    const maps = this.maps();
    for (let i = 0; i < maps.length; i++) {
      const r = maps[i]!.lookup(Buffer.from(key, "latin1"));
      if (r.kind === "found") return { value: r.value, temp: false };
      if (r.kind === "tempfail") {
        // the database cannot be opened: sendmail says so once (-v) and defers
        if (!this.warned.has(i)) {
          this.warned.add(i);
          this.message(to, `WARNING: cannot open alias database ${this.aliasSources[i]!}; reading text version`);
        }
        return { value: null, temp: true };
      }
    }
    return { value: null, temp: false };
  }

  /* ------------------------------------------------------------ parsing */

  private join(tokens: readonly string[]): string {
    return cataddr(tokens, 0, tokens.length - 1, this.eng.spaceSub, this.eng.tables.ext);
  }

  private async rw(pvp: string[], rs: number): Promise<number> {
    return await this.eng.rewrite(pvp, rs);
  }

  /**
   * parseaddr(): one address from list starting at `from`; returns the
   * address (or null) and where the next one starts.
   */
  async parseaddr(list: string, from: number, delim: number): Promise<{ a: Addr | null; next: number }> {
    const text = list.slice(from);
    let errs: string[] = [];
    const r = prescan(text, this.eng.tables.ext, {
      delim,
      ignore: false,
      eightBitAddrOk: this.eng.eightBitAddrOk,
      onError: (msg) => errs.push(msg),
    });
    const end = r.end;
    const paddr = text.slice(0, end);
    const next = from + end + (end < text.length ? 1 : 0);
    for (const e of errs) this.usrerr(paddr, e);
    errs = [];
    if (r.tokens === null) return { a: null, next };
    if (this.invalidaddr(paddr)) return { a: null, next };
    const pvp = r.tokens;
    await this.rw(pvp, 3);
    await this.rw(pvp, 0);
    const a = await this.buildaddr(pvp, paddr);
    return { a, next };
  }

  /**
   * invalidaddr() (after prescan): more than 255 octets, or 8-bit meta
   * octets (0x80-0x9f) unless EightBitAddrOK; true if the address is refused.
   */
  invalidaddr(addr: string): boolean {
    return this.checkaddr(addr).refused;
  }

  /** invalidaddr() with the address as it leaves it (bad octets replaced by '?'). */
  checkaddr(addr: string): { refused: boolean; fixed: string } {
    if (addr.length > 255) {
      const t = addr.slice(0, 255);
      this.usrerr(t, `Address "${t}" too long (255 bytes max)`);
      return { refused: true, fixed: t };
    }
    if (!this.eng.eightBitAddrOk && /[\x80-\x9f]/.test(addr)) {
      const fixed = addr.replace(/[\x80-\x9f]/g, "?");
      this.usrerr(addr, `8-bit character in mailbox address "${fixed}"`, 0, "501");
      this.setstat(EX_USAGE);
      return { refused: true, fixed };
    }
    if (/[\x00-\x1f\x7f]/.test(addr)) {
      const fixed = addr.replace(/[\x00-\x1f\x7f]/g, "?");
      this.usrerr(addr, `Syntax error in mailbox address "${fixed}" (non-printable character)`, 0, "501");
      this.setstat(EX_USAGE);
      return { refused: true, fixed };
    }
    return { refused: false, fixed: addr };
  }

  /** buildaddr() for /parse: "mailer M, [host H, ]user U" or null (Cannot parse). */
  async parseLine(pvp: string[], paddr: string): Promise<string | null> {
    const a = await this.buildaddr(pvp, paddr);
    if (a === null) return null;
    const name = a.mailer === null ? "*error*" : a.mailer.name;
    return a.host.length > 0 ? `mailer ${name}, host ${a.host}, user ${a.user}` : `mailer ${name}, user ${a.user}`;
  }

  /** buildaddr(): the ADDRESS for a resolved $# triple. */
  async buildaddr(pvp: string[], paddr: string): Promise<Addr | null> {
    if (pvp.length < 2 || pvp[0]!.charCodeAt(0) !== CANONNET) {
      // syserr("554 5.3.5 buildaddr: no mailer in parsed address"): the error mailer
      this.usrerr(paddr, "buildaddr: no mailer in parsed address", 0, "554");
      this.setstat(EX_SOFTWARE);
      return { paddr, mailer: null, host: "", user: "", state: QS.BADADDR, flags: 0, alias: null };
    }
    const mname = pvp[1]!;
    let k = 2;
    let host: string[] | null = null;
    if (pvp[k]?.charCodeAt(0) === CANONHOST) {
      const start = ++k;
      while (k < pvp.length && pvp[k]!.charCodeAt(0) !== CANONUSER) k++;
      host = pvp.slice(start, k);
    }
    let user = pvp[k]?.charCodeAt(0) === CANONUSER ? pvp.slice(k + 1) : [];
    if (mname.toLowerCase() === "error") {
      let st = EX_UNAVAILABLE;
      const hostText = host === null ? "" : this.join(host);
      if (host !== null && host.length > 0) {
        const h = hostText;
        if (/^\d+$/.test(h)) st = Number.parseInt(h, 10);
        else if (/^[245]\.\d{1,3}\.\d{1,3}$/.test(h)) st = dsntoexitstat(h);
        else st = EXIT_NAMES[h.toLowerCase()] ?? EX_UNAVAILABLE;
      }
      // cataddr(..., ' '): the error text keeps plain blanks between words
      const rawUser = cataddr(user, 0, user.length - 1, " ", this.eng.tables.ext);
      let msg = stripquotes(rawUser);
      let code = "553";
      const m = /^([245]\d\d)([ -])/.exec(msg);
      if (m !== null) {
        code = m[1]!;
        msg = msg.slice(4);
        const e = /^[245]\.\d{1,3}\.\d{1,3}\s+/.exec(msg);
        if (e !== null) msg = msg.slice(e[0].length);
      }
      this.setstat(st);
      this.usrerr(paddr, msg.length > 0 ? msg : "Unknown error", 0, code);
      // a temporary error (4xx reply or EX_TEMPFAIL) leaves the address to the error mailer
      const state = code.startsWith("4") || st === EX_TEMPFAIL ? QS.QUEUEUP : QS.BADADDR;
      return { paddr, mailer: null, host: hostText, user: rawUser, state, flags: 0, alias: null };
    }
    let mailer = this.eng.model.mailers.find((m) => m.name === mname);
    if (mailer === undefined) {
      this.usrerr(paddr, `buildaddr: unknown mailer ${mname}`, 0, "554");
      this.setstat(EX_SOFTWARE);
      return { paddr, mailer: null, host: "", user: "", state: QS.BADADDR, flags: 0, alias: null };
    }
    const hostText = host === null ? "" : this.join(host);
    let flags = 0;
    if (mailer.flags.includes("@") && user[0] === "@") {
      user = user.slice(1);
      flags |= QNOTREMOTE;
    }
    if (host === null && !mailer.flags.includes("l")) {
      this.usrerr(paddr, "buildaddr: no host", EX_SOFTWARE, "554");
      return null;
    }
    let ubuf = this.join(user);
    let p = ubuf;
    if (p.startsWith('"')) p = p.slice(1);
    if (p.startsWith("|") && mailer.flags.includes("|") && this.prog !== undefined) mailer = this.prog;
    else if (p.startsWith("/") && mailer.flags.includes("/") && this.file !== undefined) mailer = this.file;
    else if (p.startsWith(":") && mailer.flags.includes(":") && this.incl !== undefined) {
      const s = stripquotes(ubuf);
      if (s.slice(0, 9).toLowerCase() === ":include:") {
        return { paddr, mailer: this.incl, host: hostText, user: s.slice(9), state: QS.OK, flags: 0, alias: null };
      }
    }
    this.eng.setMacro("h", hostText.length > 0 ? hostText : null);
    const tv = user.slice();
    await this.rw(tv, 2);
    if (mailer.recipientRuleset.envelope > 0) await this.rw(tv, mailer.recipientRuleset.envelope);
    await this.rw(tv, 4);
    ubuf = this.join(tv);
    const h = mailer.flags.includes("H") ? hostText : hostText.toLowerCase();
    const u = mailer.flags.includes("u") ? ubuf : ubuf.toLowerCase();
    return { paddr, mailer, host: h, user: u, state: QS.OK, flags, alias: null };
  }

  /* ------------------------------------------------------------ recipients */

  private sameaddr(a: Addr, b: Addr): boolean {
    if (a.mailer !== b.mailer || a.mailer === null) return false;
    return a.user === b.user && a.host === b.host;
  }

  private selfReference(a: Addr): Addr | null {
    let b = a.alias;
    while (b !== null && !this.sameaddr(a, b)) b = b.alias;
    if (b === null) return null;
    for (let c: Addr | null = a; c !== null; c = c.alias) {
      if (c.mailer === null) continue;
      if (c.mailer.flags.includes("w")) {
        if (this.users().has(c.user)) return this.sameaddr(b, c) ? b : c;
      } else if (c.mailer.flags.includes("l") && b.mailer === c.mailer) {
        return this.sameaddr(b, c) ? b : c;
      }
    }
    return null;
  }

  /** sendtolist(). */
  async sendtolist(list: string, ctladdr: Addr | null, level: number): Promise<number> {
    // old-style lists (an argument without , ; < or () are split at white space
    const delim = ctladdr !== null || /[,;<(]/.test(list) ? 0x2c : 0x20;
    const al: Addr[] = [];
    let p = 0;
    while (p < list.length) {
      while (p < list.length && (/\s/.test(list[p]!) || list[p] === ",")) p++;
      if (p >= list.length) break;
      const { a, next } = await this.parseaddr(list, p, delim);
      p = next;
      if (a === null) continue;
      a.alias = ctladdr;
      if (ctladdr !== null) {
        if (this.sameaddr(ctladdr, a)) ctladdr.flags |= QSELFREF;
        const b = this.selfReference(a);
        if (b !== null) {
          b.flags |= QSELFREF;
          if (a !== b) {
            a.state = QS.DONTSEND;
            continue;
          }
        }
      }
      al.push(a);
    }
    let n = 0;
    for (let i = al.length - 1; i >= 0; i--) {
      await this.recipient(al[i]!, level);
      n++;
    }
    return n;
  }

  /** recipient(). */
  async recipient(a: Addr, level: number): Promise<Addr> {
    let m = a.mailer;
    if (level === 0) a.flags |= QPRIMARY;
    const initialDontSend = isDead(a.state);
    if (level > this.maxAliasRecursion) {
      a.state = QS.BADADDR;
      if (a.alias !== null) a.alias.state = QS.BADADDR;
      this.usrerr(a.paddr, `aliasing/forwarding loop broken (${level} aliases deep; ${this.maxAliasRecursion} max)`, EX_USAGE, "554");
      return a;
    }
    const quoted = a.user.includes("\\");
    let buf = stripquotes(a.user);
    if (m !== null && m === this.prog && a.alias === null) {
      a.state = QS.BADADDR;
      this.usrerr(a.paddr, "Cannot mail directly to programs", EX_USAGE, "550");
    }
    // insert into the send queue, sorted by host
    let at = this.sendq.length;
    for (let i = 0; i < this.sendq.length; i++) {
      const q = this.sendq[i]!;
      const c = cmpCase(a.host, q.host);
      if (c === 0) {
        if (this.sameaddr(q, a) && ((q.flags & QRCPTOK) !== 0 || (q.flags & QPRIMARY) === 0)) {
          if ((q.flags & QPRIMARY) === 0) {
            if (!isDead(a.state)) this.message(a.paddr, "duplicate suppressed");
            else q.state = QS.DUPLICATE;
            q.flags |= a.flags;
          } else if ((q.flags & QSELFREF) !== 0) {
            q.state = a.state;
            q.flags |= a.flags;
          }
          return this.done(q, level, initialDontSend);
        }
      } else if (c < 0) {
        at = i;
        break;
      }
    }
    this.sendq.splice(at, 0, a);

    let findusercount = 0;
    for (;;) {
      // trylocaluser
      if (a.state !== QS.OK) break;
      if (m !== null && m === this.incl) {
        a.state = QS.INCLUDED;
        if (a.alias === null) {
          a.state = QS.BADADDR;
          this.usrerr(a.paddr, "Cannot mail directly to :include:s", EX_USAGE, "550");
        } else {
          this.message(a.paddr, `including file ${a.user}`);
          const err = await this.include(a.user, a, level);
          if (err !== null) {
            a.state = QS.BADADDR;
            this.usrerr(a.paddr, `Cannot open ${shortenString(a.user, 203)}: ${err}`, EX_USAGE, "550");
          }
        }
      } else if (m !== null && m === this.file && a.alias === null) {
        a.state = QS.BADADDR;
        this.usrerr(a.paddr, "Cannot mail directly to files", EX_USAGE, "550");
      }
      if (!quoted && a.state === QS.OK && m !== null && m.flags.includes("A")) await this.alias(a, level);
      if (m !== null && m.flags.includes("5") && (a.flags & QNOTREMOTE) === 0 && a.state === QS.OK && this.eng.rules(5).length > 0) {
        await this.maplocaluser(a, level + 1);
      }
      if (a.state === QS.OK && m !== null && m.flags.includes("w")) {
        const users = this.users();
        const pw = users.get(buf);
        if (pw !== undefined) {
          if (!quoted) await this.forward(a, pw, level);
          break;
        }
        const lower = buf.toLowerCase();
        if (lower !== buf && users.has(lower)) {
          a.user = lower;
          buf = lower;
          if (findusercount++ > 3) {
            a.state = QS.BADADDR;
            this.usrerr(a.paddr, `aliasing/forwarding loop for ${lower} broken`, EX_USAGE, "554");
            break;
          }
          continue;
        }
        a.state = QS.BADADDR;
        this.usrerr(a.paddr, "User unknown", EX_NOUSER, "550");
      }
      break;
    }
    m = a.mailer;
    // testselfdestruct
    if (a.alias === null && isDead(a.state)) {
      if (this.sendq.every((q) => isDead(q.state))) {
        a.state = QS.BADADDR;
        this.usrerr(a.paddr, "aliasing/forwarding loop broken", EX_USAGE, "554");
      }
    }
    return this.done(a, level, initialDontSend);
  }

  private done(a: Addr, _level: number, _initialDontSend: boolean): Addr {
    a.flags |= QRCPTOK;
    return a;
  }

  /** alias(). */
  private async alias(a: Addr, level: number): Promise<void> {
    if (a.state !== QS.OK) return;
    const r = this.aliasLookup(a.user, a.paddr);
    if (r.temp) {
      a.state = QS.QUEUEUP;
      return;
    }
    if (r.value === null) return;
    this.message(a.paddr, `aliased to ${shortenString(r.value, 203)}`);
    a.flags &= ~QSELFREF;
    a.state = QS.EXPANDED;
    await this.sendtolist(r.value, a, level + 1);
    if ((a.flags & QSELFREF) !== 0 && a.state === QS.EXPANDED) a.state = QS.OK;
    const obuf = a.user.startsWith("owner-") ? "owner-owner" : `owner-${a.user}`;
    const o = this.aliasLookup(obuf);
    if (o.value === null) return;
    a.owner = /[,:/|"]/.test(o.value) ? obuf : o.value;
  }

  /** forward(): read the first ForwardPath file that can be opened. */
  private async forward(a: Addr, pw: PasswdEntry, level: number): Promise<void> {
    if (a.state !== QS.OK || a.mailer === null || !a.mailer.flags.includes("w")) return;
    const fp = this.eng.model.optionValues.get("ForwardPath");
    const value = fp !== undefined && fp.kind === "string" ? (fp.value ?? undefined) : undefined;
    if (value !== undefined && value.length === 0) return;
    const home = pw.home === "/" ? "" : pw.home;
    this.eng.setMacro("z", home);
    this.eng.setMacro("u", a.user);
    this.eng.setMacro("h", a.host);
    const dbs = this.eng.model.optionValues.get("DontBlameSendmail");
    const dontBlame = new Set(dbs !== undefined && dbs.kind === "flags" ? dbs.flags : []);
    for (const entry of forwardPathEntries(value)) {
      // the cf's value is already translated ($z is a macro reference)
      const raw = entry.includes("$") ? translateDollars(entry, this.eng.model.configLevel, this.eng.ids, null) : entry;
      const path = expand(raw, this.eng.macroTable, null);
      if (path.length === 0) continue;
      let err = checkForwardFile(path, pw, dontBlame);
      let text: string | null = null;
      if (err === null) {
        try {
          text = readFileSync(path, "latin1");
        } catch {
          err = "EACCES";
        }
      }
      if (text !== null) {
        await this.include(path, a, level, true, text);
        return;
      }
      if (err === "ENOENT") continue;
      if ((err === "WWDIR" || err === "GWDIR") && !pathExists(path) && dontBlame.has("dontwarnforwardfileinunsafedirpath")) continue;
      this.message(a.paddr, `forward: ${path}: ${FORWARD_ERRORS[err!]}`);
    }
  }

  /** maplocaluser(): ruleset 5 may send a local user elsewhere. */
  private async maplocaluser(a: Addr, level: number): Promise<void> {
    const r = prescan(a.user, this.eng.tables.ext, { delim: 0, ignore: false, eightBitAddrOk: this.eng.eightBitAddrOk });
    if (r.tokens === null) return;
    const pvp = r.tokens;
    const st = await this.rw(pvp, 5);
    if (st === EX_TEMPFAIL) {
      a.state = QS.QUEUEUP;
      return;
    }
    if (pvp.length === 0 || pvp[0]!.charCodeAt(0) !== CANONNET) return;
    const a1 = await this.buildaddr(pvp, a.paddr);
    if (a1 === null || this.sameaddr(a, a1)) return;
    a1.alias = a;
    a.state = QS.REPLACED;
    if (a1.mailer === null) return;
    await this.recipient(a1, level);
  }

  /** include(): null, or the error text. */
  private async include(fname: string, ctladdr: Addr, level: number, forwarding = false, preread?: string): Promise<string | null> {
    let text: string;
    if (preread !== undefined) text = preread;
    else {
      try {
        text = readFileSync(fname, "latin1");
      } catch (e) {
        return errnoText(e);
      }
    }
    const oldFile = this.fileName;
    const oldLine = this.lineNumber;
    this.fileName = fname;
    this.lineNumber = 0;
    ctladdr.flags &= ~QSELFREF;
    let n = 0;
    const lines = text.split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    for (let raw of lines) {
      this.lineNumber++;
      raw = raw.replace(/\r$/, "");
      if (raw.length === 0 || raw[0] === "#") continue;
      const c = /\s#@#(\s|$)/.exec(raw);
      if (c !== null) raw = raw.slice(0, c.index).replace(/\s+$/, "");
      if (raw.length === 0) continue;
      this.message(null, `${forwarding ? "forwarding" : "sending"} to ${raw}`);
      n += await this.sendtolist(raw, ctladdr, level + 1);
    }
    if (n > 0 && (ctladdr.flags & QSELFREF) === 0) ctladdr.state = QS.DONTSEND;
    this.fileName = oldFile;
    this.lineNumber = oldLine;
    return null;
  }

  /** sendall() in verify mode. */
  report(): void {
    // sendall() splits the envelope by list owner: the addresses without
    // an owner stay, each owner's go to a sibling envelope (the owner seen
    // last in the queue first; later splits are printed earlier).
    const ownerOf = (q: Addr): string | null => {
      for (let qq: Addr | null = q; qq !== null; qq = qq.alias) if (qq.owner !== undefined) return qq.owner;
      return null;
    };
    let main = this.sendq.filter((q) => !isDead(q.state));
    const split: Addr[][] = [];
    for (;;) {
      let owner: string | null = null;
      let others = 0;
      for (const q of main) {
        const o = ownerOf(q);
        if (o === null) others++;
        else if (owner === null) owner = o;
        else if (owner !== o) {
          others++;
          owner = o;
        }
      }
      if (owner === null || others === 0) break;
      const own = owner;
      split.unshift(main.filter((q) => ownerOf(q) === own));
      main = main.filter((q) => ownerOf(q) !== own);
    }
    for (const env of [main, ...split]) this.print(env);
  }

  private print(queue: readonly Addr[]): void {
    for (const q of queue) {
      if (!isSendable(q.state)) continue;
      const name = q.mailer === null ? "*error*" : q.mailer.name;
      if (q.host.length > 0) this.out(`${this.prefix(q.paddr)}deliverable: mailer ${name}, host ${q.host}, user ${q.user}\n`);
      else this.out(`${this.prefix(q.paddr)}deliverable: mailer ${name}, user ${q.user}\n`);
    }
  }
}

/** sendmail's dsntoexitstat(): the exit status for an enhanced status code. */
export function dsntoexitstat(code: string): number {
  if (code[0] === "2") return 0;
  if (code[0] === "4") return EX_TEMPFAIL;
  if (code[0] !== "5" || code[1] !== ".") return 78;
  const [, c2s = "", c3s = ""] = code.split(".");
  const code2 = Number.parseInt(c2s, 10) || 0;
  const code3 = Number.parseInt(c3s, 10) || 0;
  switch (code2) {
    case 0:
      return EX_UNAVAILABLE;
    case 1:
      if (code3 === 0) return EX_DATAERR;
      if (code3 === 1 || code3 === 6) return EX_NOUSER;
      if (code3 === 2) return 68;
      if (code3 === 3) return EX_USAGE;
      if (code3 === 4) return EX_UNAVAILABLE;
      if (code3 === 5) return 0;
      break;
    case 2:
      if (code3 === 3) return EX_DATAERR;
      if (code3 <= 4) return EX_UNAVAILABLE;
      break;
    case 3:
      return 71;
    case 4:
      return EX_UNAVAILABLE;
    case 5:
      return 76;
    case 6:
      return EX_UNAVAILABLE;
    case 7:
      return EX_DATAERR;
  }
  return EX_UNAVAILABLE;
}

function cmpCase(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "No such file or directory";
    case "EACCES":
      return "Permission denied";
    case "EISDIR":
      return "Is a directory";
    case "ENOTDIR":
      return "Not a directory";
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** The AliasFile specs: -O AliasFile=... or the cf's. */
function aliasSpecs(eng: Engine, opts: SessionOptions): string[] {
  const o = opts.options.get("AliasFile") ?? opts.options.get("A");
  if (o !== undefined) return splitSpecs(o);
  const v = eng.model.optionValues.get("AliasFile");
  if (v !== undefined && v.kind === "aliasFiles") return v.specs.map((s) => (s.mapClass === "implicit" ? s.spec : `${s.mapClass}:${s.spec}`));
  return [];
}

function splitSpecs(value: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (const c of value) {
    if (c === '"') q = !q;
    if (c === "," && !q) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** sendmail -bv addr...: returns the exit status. */
export async function runVerify(opts: SessionOptions, addrs: readonly string[]): Promise<number> {
  const out = new Output();
  const opened = openEngine(opts, out, false);
  if (opened.eng === null) {
    out.flush();
    return opened.status;
  }
  const eng = opened.eng;
  if (addrs.length === 0) {
    out.write("Recipient names must be specified\n");
    out.flush();
    return EX_USAGE;
  }
  if (opened.optionErrors) {
    out.flush();
    return eng.exitStatus;
  }
  const v = new Verifier(eng, out.write, opts.verbose, aliasSpecs(eng, opts));
  // main() strips the high bit of the arguments' octets 0xa0-0xff
  const strip = (a: string): string => a.replace(/[\xa0-\xff]/g, (c) => String.fromCharCode(c.charCodeAt(0) & 0x7f));
  for (const a of addrs) await v.sendtolist(strip(a), null, 0);
  v.report();
  out.flush();
  const st = v.exitStatus();
  if (st !== 0) return st;
  return eng.exitStatus;
}
