/*
 * engine - the run-time state rewrite() works on: the loaded CfModel, the
 * macro table (cf values plus what the session sets), classes (cf members
 * plus .C additions), the map registry, token tables, debug flags and the
 * output sink. One Engine per process/session.
 */

import { macroNamer, type MacroNamer } from "../cf/render.js";
import type { CfModel, CfRule } from "../cf/model.js";
import { makeTokenTables, type TokenTables } from "../cf/tokenize.js";
import { MacroIds, MacroTable } from "../cf/macros.js";
import { cataddr } from "./address.js";
import { DebugFlags } from "./debug.js";
import { MapRegistry } from "./maps.js";
import type { MatchEnv } from "./match.js";
import { EX_OK, MAXATOM, rewrite, run } from "./rewrite.js";
import type { MaybePromise } from "../map/classes/types.js";

export interface EngineOptions {
  /** Output sink (latin1 strings). */
  readonly out: (s: string) => void;
  /** Address test mode: print "input:"/"returns:" lines. */
  readonly testMode?: boolean;
  readonly debug?: DebugFlags;
  /** Hosts file for the host map (default /etc/hosts, or $SMTS_HOSTS_FILE). */
  readonly hostsFile?: string;
  readonly passwdFile?: string;
  /** Service switch file (default: the ServiceSwitchFile option, else /etc/mail/service.switch). */
  readonly serviceSwitchFile?: string;
}

const MAXRWSETS = 200;

/** The ruleset engine for one configuration. */
export class Engine implements MatchEnv {
  readonly out: (s: string) => void;
  readonly testMode: boolean;
  readonly debug: DebugFlags;
  readonly namer: MacroNamer;
  readonly tables: TokenTables;
  readonly maps: MapRegistry;
  readonly ids = new MacroIds();
  readonly macroTable = new MacroTable();
  readonly macros = this.macroTable.values;
  readonly maxRuleRecursion: number;
  readonly spaceSub: string;
  readonly eightBitAddrOk: boolean;
  /** Exit status sendmail would have so far (first syserr sets EX_SOFTWARE). */
  exitStatus = EX_OK;
  private readonly classes = new Map<number, Map<string, string>>();
  /** sendmail's ST_CLASS symbol table entries: creation order and spelling of each (lower-cased) word. */
  private readonly classSyms = new Map<string, { readonly seq: number; readonly name: string; readonly hash: number }>();
  private readonly ruleTable: (readonly CfRule[])[] = [];
  private readonly names: (string | null)[] = [];

  constructor(readonly model: CfModel, opts: EngineOptions) {
    this.out = opts.out;
    this.testMode = opts.testMode ?? false;
    this.debug = opts.debug ?? new DebugFlags();
    // replay the long names in id order so that new names get fresh ids
    const byId = [...model.macroIds].sort((a, b) => a[1] - b[1]);
    for (const [name] of byId) this.ids.longId(name);
    this.namer = (id: number) => this.ids.nameOf(id);
    void macroNamer;
    this.tables = makeTokenTables(model.operatorChars);
    for (const m of model.macros.values()) this.macros[m.id] = m.value;
    for (const c of model.classes.values()) {
      const m = new Map<string, string>();
      for (const w of c.words) {
        const k = lowerAscii(w);
        if (!m.has(k)) m.set(k, w);
        this.classSym(k, w);
      }
      this.classes.set(c.id, m);
    }
    for (let i = 0; i < MAXRWSETS; i++) {
      const rs = model.rulesets.get(i);
      // private copies: a quoted "$>name" loses its quotes in place, as in sendmail
      this.ruleTable.push((rs?.rules ?? []).map((r) => ({ ...r, lhs: r.lhs.slice(), rhs: r.rhs.slice() })));
      this.names.push(rs?.name ?? null);
    }
    const opt = (name: string) => model.optionValues.get(name);
    const mrr = opt("MaxRuleRecursion");
    this.maxRuleRecursion = mrr?.kind === "integer" ? mrr.value : 50;
    const bs = opt("BlankSub");
    this.spaceSub = bs?.kind === "char" && bs.value.length > 0 ? bs.value : " ";
    const eb = opt("EightBitAddrOK");
    this.eightBitAddrOk = eb?.kind === "boolean" ? eb.value : false;
    const ssf = opt("ServiceSwitchFile");
    const switchFile =
      opts.serviceSwitchFile ?? (ssf?.kind === "string" && ssf.value !== null ? ssf.value : "/etc/mail/service.switch");
    const hf = opt("HostsFile");
    const hostsFile =
      opts.hostsFile ?? process.env.SMTS_HOSTS_FILE ?? (hf?.kind === "string" && hf.value !== null ? hf.value : "/etc/hosts");
    this.maps = new MapRegistry(model, {
      hostsFile,
      serviceSwitchFile: switchFile,
      passwdFile: opts.passwdFile ?? "/etc/passwd",
      defineMacro: (name, value) => this.defineMacro(this.ids.idOf(name), value),
      localDomain: () => this.macvalue(0x6d) ?? "",
      log: () => undefined,
      syserr: (m, st) => this.syserr(m, st),
    });
  }

  /** Rules of a ruleset (empty if none). */
  rules(n: number): readonly CfRule[] {
    return this.ruleTable[n] ?? [];
  }

  /** RuleSetNames[n], or the number. */
  rulesetName(n: number): string {
    return this.names[n] ?? String(n);
  }

  /** strtorwset(name, ST_FIND) without messages: the number, or -1. */
  strtorwset(p: string): number {
    const c = p.charCodeAt(0);
    if (c >= 0x30 && c <= 0x39) {
      const n = Number.parseInt(p, 10);
      if (n < 0 || n >= MAXRWSETS / 2) {
        this.syserr(`bad ruleset ${n} (${MAXRWSETS / 2} max)`);
        return -1;
      }
      return n;
    }
    let e = 0;
    while (e < p.length && /[A-Za-z0-9_]/.test(p[e]!)) e++;
    if (e === 0) {
      this.syserr(`invalid ruleset name: "${p.slice(0, 20)}"`);
      return -1;
    }
    return this.model.rulesetNumbers.get(p.slice(0, e)) ?? -1;
  }

  macvalue(id: number): string | undefined {
    return this.macros[id & 0xff];
  }

  macro(id: number): string | undefined {
    return this.macros[id & 0xff];
  }

  traceLhsMacro(id: number, value: string | undefined): void {
    if (this.debug.on(21, 2)) this.out(`rewrite: LHS $&{${this.ids.nameOf(id)}} => "${value ?? "(NULL)"}"\n`);
  }

  defineMacro(id: number, value: string | null): void {
    if (id <= 0 || id > 0xff) return;
    this.macros[id] = value ?? undefined;
  }

  /** Define a macro by name ("j", "client_addr"). */
  setMacro(name: string, value: string | null): void {
    this.defineMacro(this.ids.idOf(name), value);
  }

  inClass(id: number, phrase: string): boolean {
    const s = this.classes.get(id);
    if (s === undefined) return false;
    return s.has(lowerAscii(phrase));
  }

  /** The symbol table entry of a class word (made on first use, as stab(ST_ENTER) does). */
  private classSym(key: string, word: string): { readonly seq: number; readonly name: string; readonly hash: number } {
    let e = this.classSyms.get(key);
    if (e === undefined) {
      e = { seq: this.classSyms.size, name: word, hash: stabHash(key, ST_CLASS) };
      this.classSyms.set(key, e);
    }
    return e;
  }

  /**
   * Members of a class in the order "$=X" prints them: sendmail walks its
   * symbol table (stabapply), bucket by bucket, each bucket's chain in
   * creation order; a word is spelled as first entered in any class.
   */
  classWords(id: number): string[] {
    const s = this.classes.get(id);
    if (s === undefined) return [];
    const syms = [...s].map(([k, w]) => this.classSym(k, w));
    syms.sort((a, b) => a.hash - b.hash || a.seq - b.seq);
    return syms.map((e) => e.name);
  }

  addToClass(id: number, word: string): void {
    let s = this.classes.get(id);
    if (s === undefined) {
      s = new Map();
      this.classes.set(id, s);
    }
    const k = lowerAscii(word);
    if (!s.has(k)) s.set(k, word);
    this.classSym(k, word);
  }

  phrase(pvp: readonly string[], first: number, last: number): string {
    if (first === last) return pvp[first]!;
    return cataddr(pvp, first, last, this.spaceSub, this.tables.ext);
  }

  /** syserr() as printed in this mode: the message without its SMTP codes. */
  syserr(message: string, status = 70): void {
    if (this.exitStatus === EX_OK) this.exitStatus = status;
    this.out(message + "\n");
  }

  /** usrerr(): printed as is. */
  usrerr(text: string): void {
    this.out(text + "\n");
  }

  /** Rewrite tokens with a ruleset; tokens are changed in place. */
  rewrite(pvp: string[], ruleset: number, maxatom = MAXATOM): MaybePromise<number> {
    return run(rewrite(this, pvp, ruleset, 0, maxatom));
  }
}

/** sendmail's symbol table size (STABSIZE) and the ST_CLASS symbol type. */
const STABSIZE = 2003;
const ST_CLASS = 1;

/** stab()'s hash function: over the lower-cased octets, seeded with the symbol type. */
export function stabHash(name: string, type: number): number {
  let h = type;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i) & 0xff;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    h = ((h << 1) ^ c) % STABSIZE;
  }
  return h;
}

function lowerAscii(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return s;
}
