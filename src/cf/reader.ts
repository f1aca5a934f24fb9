/*
 * reader - readcf(): read a sendmail.cf into a CfModel, line by line, the
 * way sendmail 8.17 does (fgetfolded, translate_dollars, then one handler
 * per line type), followed by what main() does right after reading the
 * file (defaults, checks, built-in classes).
 */

import { readFileSync } from "node:fs";
import {
  atoi,
  CALLSUBR,
  CANONHOST,
  CANONUSER,
  CONDFI,
  CONDIF,
  HOSTBEGIN,
  HOSTEND,
  isAlpha,
  isDigit,
  isSpace,
  LOOKUPBEGIN,
  LOOKUPEND,
  MATCHANY,
  MATCHCLASS,
  MATCHNCLASS,
  MATCHONE,
  MATCHREPL,
  MATCHZANY,
  strtol,
} from "./chars.js";
import { classWords, ClassTable, dbMapFileExists, readClassFile, runClassProgram, wordsFromText } from "./classes.js";
import { Diagnostics, shortenString, strip8 } from "./diag.js";
import { HeaderTable } from "./headers.js";
import { expand, extrQuotStr, MacroIds, MacroTable, macidParse, munchString, translateDollars } from "./macros.js";
import { MailerTable, MilterTable, QueueTable } from "./mailers.js";
import { mapParseArgs, MapTable } from "./maps.js";
import {
  EX_CONFIG,
  type CfClassDefinition,
  type CfClassSource,
  type CfEnvironmentVariable,
  type CfMacro,
  type CfModel,
  type CfOption,
  type CfOptionValue,
  type CfPortOptions,
  type CfPrecedence,
  type CfRule,
  type CfRuleset,
  type CfTimeoutSetting,
} from "./model.js";
import { MAP_CLASSES, parseOptionValue, resolveOptionLine, type OptionContext } from "./options.js";
import { systemDatabases, type SystemDatabases } from "./sysdb.js";
import { DEFAULT_OPERATOR_CHARS, makeTokenTables, prescan, type TokenTables } from "./tokenize.js";

/** The sendmail version the loader emulates ($v, "cf file is out of date" text). */
export const SENDMAIL_VERSION = "8.17.1.9";
/** Highest configuration level this version supports. */
export const MAXCONFIGLEVEL = 10;

/**
 * What sendmail knows before it reads the cf file: its host identity and
 * operation mode. See defaultEnvironment() in env.ts.
 */
export interface CfEnvironment {
  /** Canonical (fully qualified) host name: $j, and $w before the V line shortens it. */
  readonly hostname: string;
  /** uname() node name: $k (defaults to hostname). */
  readonly nodename?: string;
  /** Host name aliases and "[address]" literals added to class w before the cf is read. */
  readonly hostAliases?: readonly string[];
  /**
   * Network interfaces as load_if_names() finds them after the cf is read:
   * the address literal ("[192.0.2.1]") and the names the address resolves
   * to (canonical name first). Names not yet in class w are added to it
   * together with "[name]".
   */
  readonly interfaces?: readonly { readonly literal: string; readonly names: readonly string[] }[];
  /** $v (default SENDMAIL_VERSION). */
  readonly version?: string;
  /** $b, the current date in RFC 822 format (default: now). */
  readonly date?: string;
  /** sendmail's operation mode letter (-bX): "d" daemon (default), "t" address test, "m" deliver, "s" SMTP, "i" newaliases, "C" check config. */
  readonly opMode?: string;
  /** Extra macros defined before the cf is read (name: one char or long name; value in internal form). */
  readonly macros?: Readonly<Record<string, string>>;
  /** Extra class members defined before the cf is read. */
  readonly classes?: Readonly<Record<string, readonly string[]>>;
}

export interface LoadOptions {
  /** Host identity etc. (default: defaultEnvironment()). */
  readonly env?: CfEnvironment;
  /** passwd/group/services/hosts lookups (default: /etc files; host names are not checked). */
  readonly systemDatabases?: SystemDatabases;
  /** Read files named by F lines (default true). */
  readonly readClassFiles?: boolean;
  /** Run programs named by "F|program" lines (default false: recorded, not run). */
  readonly runClassPrograms?: boolean;
  /** Path of the service switch file for the built-in alias maps (default: ServiceSwitchFile option). */
  readonly serviceSwitchFile?: string;
}

interface RulesetState {
  number: number;
  names: string[];
  rules: CfRule[];
  line: number | null;
}

const MAXRWSETS = 200;
const MAXMATCH = 9;
const MAX_MAP_ARGS = 10;
const MAXPRIORITIES = 25;

/** The loader proper: one instance per file. */
class Reader {
  readonly diag: Diagnostics;
  readonly ids = new MacroIds();
  readonly macros = MacroTable.initial();
  readonly macroDefs = new Map<string, CfMacro>();
  readonly classes = new ClassTable();
  readonly classDefs: CfClassDefinition[] = [];
  readonly options: CfOption[] = [];
  readonly optionValues = new Map<string, CfOptionValue>();
  readonly timeouts: CfTimeoutSetting[] = [];
  readonly daemons: CfPortOptions[] = [];
  readonly clients = new Map<string, CfPortOptions>();
  readonly precedences: CfPrecedence[] = [];
  readonly trusted: string[] = [];
  readonly headers = new HeaderTable();
  readonly mailers = new MailerTable();
  readonly queues = new QueueTable();
  readonly milters = new MilterTable();
  readonly maps = new MapTable();
  readonly env: CfEnvironmentVariable[] = [];
  readonly rulesets = new Map<number, RulesetState>();
  readonly rulesetNumbers = new Map<string, number>();
  readonly ruleSetNames: (string | undefined)[] = new Array(MAXRWSETS);
  nextRuleset = MAXRWSETS;
  currentRuleset = -1;
  configLevel = 0;
  vendor = "Berkeley";
  tables: TokenTables | null = null;
  operatorCharsOption: string | null = null;
  operatorCharsSet = false;
  daemonCount = 0;
  queueDir: string | null = null;
  maxQueueChildren = 0;
  maxRunnersPerQueue = 1;
  niceQueueRun = 0;
  line = 0;
  readonly db: SystemDatabases;
  readonly opMode: string;

  constructor(
    readonly fileName: string,
    readonly opts: LoadOptions,
    readonly environment: CfEnvironment,
  ) {
    this.diag = new Diagnostics(fileName);
    this.db = opts.systemDatabases ?? systemDatabases();
    this.opMode = environment.opMode ?? "d";
    this.predefine();
  }

  /* ------------------------------------------------------------ setup */

  private defineMacro(id: number, value: string, source: CfMacro["source"], line: number | null): void {
    this.macros.set(id, value);
    const name = this.ids.keyOf(id);
    this.macroDefs.set(name, { name, id, value, line, source });
  }

  private predefine(): void {
    const e = this.environment;
    // setupqueues(), setupmailers() (before the cf is read)
    this.queues.define("mqueue, P=/var/spool/mqueue", false, this.queueContext(null));
    const builtinCtx = this.mailerContext(null);
    this.mailers.define("prog, P=/bin/sh, F=lsouDq9, T=X-Unix/X-Unix/X-Unix, A=sh -c \x81u", builtinCtx, true);
    this.mailers.define("*file*, P=[FILE], F=lsDFMPEouq9, T=X-Unix/X-Unix/X-Unix, A=FILE \x81u", builtinCtx, true);
    this.mailers.define("*include*, P=/dev/null, F=su, A=INCLUDE \x81u", builtinCtx, true);
    // macros known before readcf
    for (let id = 0; id < 256; id++) {
      const v = this.macros.get(id);
      if (v !== undefined) this.macroDefs.set(this.ids.keyOf(id), { name: this.ids.keyOf(id), id, value: v, line: null, source: "predefined" });
    }
    this.defineMacro(this.ids.longId("opMode"), this.opMode, "predefined", null);
    this.defineMacro(0x76, e.version ?? SENDMAIL_VERSION, "predefined", null);
    const host = e.hostname;
    if (host.length > 0) {
      this.defineMacro(0x77, host, "predefined", null);
      this.defineMacro(0x6a, host, "predefined", null);
      this.classes.add(0x77, host, this.ids, null);
      const dot = host.indexOf(".");
      if (dot >= 0 && dot + 1 < host.length) this.defineMacro(0x6d, host.slice(dot + 1), "predefined", null);
      const node = e.nodename ?? host;
      this.defineMacro(0x6b, node, "predefined", null);
      this.classes.add(0x6b, node, this.ids, null);
      this.classes.add(0x77, node, this.ids, null);
    }
    for (const a of e.hostAliases ?? []) this.classes.add(0x77, a, this.ids, null);
    this.defineMacro(0x62, e.date ?? arpadate(new Date()), "predefined", null);
    if (this.opMode === "m" || this.opMode === "s") {
      this.defineMacro(this.ids.longId("daemon_flags"), "c u", "predefined", null);
    }
    for (const [name, value] of Object.entries(e.macros ?? {})) {
      this.defineMacro(this.ids.idOf(name), value, "predefined", null);
    }
    for (const [name, words] of Object.entries(e.classes ?? {})) {
      const id = this.ids.idOf(name);
      for (const w of words) this.classes.add(id, w, this.ids, null);
    }
  }

  private queueContext(line: number | null) {
    return {
      diag: this.diag,
      line,
      queueDir: this.queueDir,
      maxQueueChildren: this.maxQueueChildren,
      maxRunnersPerQueue: this.maxRunnersPerQueue,
      niceQueueRun: this.niceQueueRun,
    };
  }

  private mailerContext(line: number | null) {
    return {
      diag: this.diag,
      db: this.db,
      configLevel: this.configLevel,
      line,
      strtorwset: (s: string, pos: number) => this.strtorwset(s, pos, true),
      hasQueue: (name: string) => this.queues.has(name),
    };
  }

  /* ----------------------------------------------------------- rulesets */

  private ruleset(n: number): RulesetState {
    let rs = this.rulesets.get(n);
    if (rs === undefined) {
      rs = { number: n, names: [], rules: [], line: null };
      this.rulesets.set(n, rs);
    }
    return rs;
  }

  /**
   * strtorwset(): ruleset number of "name", "number" or (enter) "name=number"
   * at s[pos]; -1 after reporting an error (or, for lookups, if unknown).
   */
  strtorwset(s: string, pos: number, enter: boolean): { rs: number; end: number } {
    const diag = this.diag;
    let p = pos;
    const n = s.length;
    while (p < n && isSpace(s.charCodeAt(p))) p++;
    const c = p < n ? s.charCodeAt(p) : 0;
    if (c >= 0x80) {
      diag.syserr(`invalid ruleset name: "${s.slice(p, p + 20)}"`);
      return { rs: -1, end: p };
    }
    if (isDigit(c)) {
      const r = strtol(s, p, 10);
      let rs = r.value;
      if (rs >= MAXRWSETS / 2 || rs < 0) {
        diag.syserr(`bad ruleset ${rs} (${MAXRWSETS / 2} max)`);
        rs = -1;
      }
      if (enter && rs >= 0) this.ruleset(rs);
      return { rs, end: r.end };
    }
    const q = p;
    while (p < n && s.charCodeAt(p) < 0x80 && (isAlpha(s.charCodeAt(p)) || isDigit(s.charCodeAt(p)) || s[p] === "_")) p++;
    if (q === p || !isAlpha(s.charCodeAt(q))) {
      diag.syserr(`invalid ruleset name: "${s.slice(q, q + 20)}"`);
      return { rs: -1, end: p };
    }
    const name = s.slice(q, p);
    const spaced = p < n && isSpace(s.charCodeAt(p));
    while (p < n && isSpace(s.charCodeAt(p))) p++;
    const delim = p < n ? s[p]! : "";
    // q as a C string: the name, or the name and everything after it
    const qtext = spaced ? name : s.slice(q);
    const known = this.rulesetNumbers.get(name);
    if (!enter && known === undefined) return { rs: -1, end: p };
    let rs: number;
    let end = p;
    if (enter && delim === "=") {
      let d = p + 1;
      while (d < n && isSpace(s.charCodeAt(d))) d++;
      if (!isDigit(s.charCodeAt(d))) {
        diag.syserr(`bad ruleset definition "${qtext}" (number required after \`=')`);
        rs = -1;
      } else {
        const r = strtol(s, d, 10);
        rs = r.value;
        end = r.end;
        if (rs >= MAXRWSETS / 2 || rs < 0) {
          diag.syserr(`bad ruleset number ${rs} in "${qtext}" (${MAXRWSETS / 2} max)`);
          rs = -1;
        }
      }
    } else if (known !== undefined) {
      rs = known;
    } else {
      rs = --this.nextRuleset;
      if (rs < MAXRWSETS / 2) {
        diag.syserr(`${qtext}: too many named rulesets (${MAXRWSETS / 2} max)`);
        rs = -1;
      }
    }
    if (known !== undefined && rs >= 0 && rs !== known) {
      diag.syserr(`${qtext}: ruleset changed value (old ${known}, new ${rs})`);
      rs = known;
    } else if (rs >= 0 && known === undefined) {
      this.rulesetNumbers.set(name, rs);
    }
    if (enter && rs >= 0) {
      this.ruleSetNames[rs] = name;
      const st = this.ruleset(rs);
      if (!st.names.includes(name)) st.names.push(name);
    }
    return { rs, end };
  }

  /* --------------------------------------------------------- the reader */

  read(text: string): void {
    const diag = this.diag;
    const src = text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
    const n = src.length;
    let pos = 0;
    let lineNumber = 0;
    while (pos < n && !diag.stopped) {
      // fgetfolded()
      const start = pos;
      let end = n;
      for (;;) {
        const nl = src.indexOf("\n", pos);
        if (nl < 0) {
          end = n;
          pos = n;
          break;
        }
        lineNumber++;
        const next = src.charCodeAt(nl + 1);
        if (next === 0x20 || next === 0x09) {
          pos = nl + 1;
          continue;
        }
        end = nl;
        pos = nl + 1;
        break;
      }
      let raw = src.slice(start, end);
      const nul = raw.indexOf("\0");
      if (nul >= 0) raw = raw.slice(0, nul);
      this.line = lineNumber;
      diag.line = lineNumber;
      if (raw.charCodeAt(0) === 0x23) continue;
      const bp = translateDollars(raw, this.configLevel, this.ids, diag);
      this.dispatch(bp);
    }
  }

  private dispatch(bp: string): void {
    const diag = this.diag;
    switch (bp[0]) {
      case undefined:
      case "#":
        return;
      case "R":
        return this.ruleLine(bp);
      case "S": {
        const exp = expand(bp.slice(1), this.macros, diag);
        const r = this.strtorwset(exp, 0, true);
        this.currentRuleset = r.rs;
        if (r.rs < 0) return;
        const st = this.ruleset(r.rs);
        if (st.line === null) st.line = this.line;
        if (st.rules.length > 0 && (this.opMode === "t" || this.opMode === "C")) {
          diag.warning(`WARNING: Ruleset ${bp.slice(1)} has multiple definitions`);
        }
        return;
      }
      case "D": {
        const r = macidParse(bp, 1, this.ids, diag);
        if (r.id === 0) return;
        this.defineMacro(r.id, munchString(bp, r.end, 0).value, "cf", this.line);
        return;
      }
      case "H":
        this.headers.chomp(bp.slice(1), this.line, {
          diag,
          macros: this.macros,
          ids: this.ids,
          strtorwset: (s, pos) => this.strtorwset(s, pos, true),
        });
        return;
      case "C":
      case "T": {
        let id: number;
        let words: string;
        if (bp[0] === "C") {
          const r = macidParse(bp, 1, this.ids, diag);
          if (r.id === 0) return;
          id = r.id;
          words = expand(bp.slice(r.end), this.macros, diag);
        } else {
          id = 0x74;
          words = bp.slice(1);
        }
        const list = classWords(words);
        const added: string[] = [];
        for (const w of list) added.push(...this.classes.add(id, w, this.ids, diag));
        if (bp[0] === "T") this.trusted.push(...list);
        this.classDefs.push({
          className: this.ids.keyOf(id),
          line: this.line,
          source: bp[0] === "C" ? { kind: "words", words: added } : { kind: "trusted", words: list },
        });
        return;
      }
      case "F":
        return this.fileClassLine(bp);
      case "M":
        this.mailers.define(bp.slice(1), this.mailerContext(this.line));
        return;
      case "O":
        return this.optionLine(bp);
      case "P": {
        if (this.precedences.length >= MAXPRIORITIES) {
          diag.syserr(`too many P lines, ${MAXPRIORITIES} max`);
          return;
        }
        const eq = bp.indexOf("=", 1);
        if (eq < 0) {
          diag.syserr(`unknown configuration line "${bp}"`);
          return;
        }
        this.precedences.push({ name: bp.slice(1, eq), value: atoi(bp.slice(eq + 1)), line: this.line });
        return;
      }
      case "Q":
        this.queues.define(bp.slice(1), true, this.queueContext(this.line));
        return;
      case "V":
        return this.versionLine(bp);
      case "K": {
        const exp = expand(bp.slice(1), this.macros, diag);
        this.maps.define(exp, this.line, diag);
        return;
      }
      case "E": {
        const eq = bp.indexOf("=");
        this.env.push(
          eq < 0
            ? { name: bp.slice(1), value: null, line: this.line }
            : { name: bp.slice(1, Math.max(1, eq)), value: bp.slice(eq + 1), line: this.line },
        );
        return;
      }
      case "X":
        this.milters.define(bp.slice(1), this.line, diag, this.db);
        return;
      default:
        diag.syserr(`unknown configuration line "${bp}"`);
    }
  }

  private tokenTables(): TokenTables {
    if (this.tables === null) {
      // prescan()'s first call fixes the operator characters
      let oc = this.operatorCharsOption;
      if (oc === null) {
        if (this.configLevel < 7) oc = this.macros.get(0x6f) ?? null;
        if (oc === null) oc = DEFAULT_OPERATOR_CHARS;
        this.operatorCharsSet = true;
      }
      const expanded = expand(oc, this.macros, this.diag, 50 - 9);
      this.tables = makeTokenTables(expanded);
    }
    return this.tables;
  }

  private ruleLine(bp: string): void {
    const diag = this.diag;
    if (this.currentRuleset < 0) {
      diag.syserr(`missing valid ruleset for "${bp}"`);
      return;
    }
    const tab = bp.indexOf("\t", 1);
    if (tab < 0) {
      diag.syserr(`invalid rewrite line "${bp}" (tab expected)`);
      return;
    }
    const tables = this.tokenTables();
    const table = this.configLevel >= 9 ? tables.noc : tables.int;
    const scan = (text: string): string[] | null => {
      const exp = expand(text, this.macros, diag);
      return prescan(exp, table, {
        delim: 0x09,
        ignore: true,
        bufferSize: 2048 + 1000,
        onError: (m) => diag.usrerr(`${shortenString(strip8(exp), 203)}... ${m}`),
      }).tokens;
    };
    let lhs = scan(bp.slice(1, tab));
    let nfuzzy = 0;
    if (lhs !== null) {
      for (const t of lhs) {
        let botch: string | null = null;
        switch (t.charCodeAt(0)) {
          case MATCHZANY:
          case MATCHANY:
          case MATCHONE:
          case MATCHCLASS:
          case MATCHNCLASS:
            nfuzzy++;
            break;
          case MATCHREPL:
            botch = "$1-$9";
            break;
          case CANONUSER:
            botch = "$:";
            break;
          case CALLSUBR:
            botch = "$>";
            break;
          case CONDIF:
            botch = "$?";
            break;
          case CONDFI:
            botch = "$.";
            break;
          case HOSTBEGIN:
            botch = "$[";
            break;
          case HOSTEND:
            botch = "$]";
            break;
          case LOOKUPBEGIN:
            botch = "$(";
            break;
          case LOOKUPEND:
            botch = "$)";
            break;
        }
        if (botch !== null) diag.syserr(`Inappropriate use of ${botch} on LHS`);
      }
    } else {
      diag.syserr("R line: null LHS");
      lhs = [];
    }
    if (nfuzzy > MAXMATCH) {
      diag.syserr("R line: too many wildcards");
      lhs = [];
    }
    let p = tab;
    while (bp[p] === "\t") p++;
    const rstart = p;
    while (p < bp.length && bp[p] !== "\t") p++;
    const rhsText = bp.slice(rstart, p);
    let c = p;
    while (bp[c] === "\t") c++;
    const comment = bp.slice(c);
    let rhs = scan(rhsText);
    if (rhs !== null) {
      let inmap = false;
      let args = 0;
      let endtoken = 0;
      const maxRepl = 0x30 + nfuzzy;
      for (const t of rhs) {
        let botch: string | null = null;
        const t0 = t.charCodeAt(0);
        switch (t0) {
          case MATCHREPL: {
            const d = t.charCodeAt(1) || 0;
            if (d <= 0x30 || d > maxRepl) diag.syserr(`replacement $${t[1] ?? ""} out of bounds`);
            break;
          }
          case MATCHZANY:
            botch = "$*";
            break;
          case MATCHANY:
            botch = "$+";
            break;
          case MATCHONE:
            botch = "$-";
            break;
          case MATCHCLASS:
            botch = "$=";
            break;
          case MATCHNCLASS:
            botch = "$~";
            break;
          case CANONHOST:
            if (!inmap) break;
            if (++args >= MAX_MAP_ARGS) diag.syserr("too many arguments for map lookup");
            break;
          case HOSTBEGIN:
          case LOOKUPBEGIN:
            endtoken = t0 === HOSTBEGIN ? HOSTEND : LOOKUPEND;
            if (inmap) diag.syserr("cannot nest map lookups");
            inmap = true;
            args = 0;
            break;
          case HOSTEND:
          case LOOKUPEND:
            if (t0 !== endtoken) break;
            inmap = false;
            endtoken = 0;
            break;
        }
        if (botch !== null) diag.syserr(`Inappropriate use of ${botch} on RHS`);
      }
      if (inmap) diag.syserr("missing map closing token");
    } else {
      diag.syserr("R line: null RHS");
      rhs = [];
    }
    this.ruleset(this.currentRuleset).rules.push({ line: this.line, lhs, rhs, comment });
  }

  private versionLine(bp: string): void {
    const diag = this.diag;
    let p = 1;
    while (p < bp.length && isSpace(bp.charCodeAt(p))) p++;
    if (!isDigit(bp.charCodeAt(p))) {
      diag.syserr(`invalid argument to V line: "${bp.slice(1, 21)}"`);
      return;
    }
    const r = strtol(bp, p, 10);
    this.configLevel = r.value;
    if (this.configLevel >= 5) {
      const w = this.macros.get(0x77);
      if (w !== undefined && w.includes(".")) this.defineMacro(0x77, w.slice(0, w.indexOf(".")), "predefined", null);
    }
    if (bp[r.end] === "/") {
      let e = r.end + 1;
      while (e < bp.length && isAlpha(bp.charCodeAt(e))) e++;
      const vendor = bp.slice(r.end + 1, e);
      if (vendor.toLowerCase() === "berkeley") this.vendor = "Berkeley";
      else diag.syserr(`invalid V line vendor code: "${vendor}"`);
    }
  }

  private optionLine(bp: string): void {
    const diag = this.diag;
    const opt = bp.length > 1 ? bp.charCodeAt(1) : 0;
    const r = resolveOptionLine(opt, bp.slice(2), diag);
    if (r === null) return;
    const self = this;
    const ctx: OptionContext = {
      diag,
      macros: this.macros,
      ids: this.ids,
      db: this.db,
      line: this.line,
      defineMacro: (id, value) => this.defineMacro(id, value, "option", this.line),
      get operatorCharsSet() {
        return self.operatorCharsSet;
      },
      set operatorCharsSet(v: boolean) {
        self.operatorCharsSet = v;
      },
      daemonCount: this.daemonCount,
      queueDir: this.queueDir,
    };
    const res = parseOptionValue(r.option, r.subopt, r.value, ctx);
    this.daemonCount = ctx.daemonCount;
    if (res === null) return;
    const o = r.option;
    const key = o.name === "" ? String.fromCharCode(o.code) : o.name;
    this.options.push({
      name: o.name,
      shortName: o.code < 0x80 ? String.fromCharCode(o.code) : null,
      writtenName: r.writtenName,
      subOption: r.subopt,
      raw: r.value,
      value: res.value,
      line: this.line,
    });
    if (res.timeouts !== undefined) this.timeouts.push(...res.timeouts);
    this.mergeOption(key, res.value, r.subopt);
  }

  private mergeOption(key: string, value: CfOptionValue, subopt: string | null): void {
    const prev = this.optionValues.get(key);
    let merged = value;
    switch (value.kind) {
      case "flags":
        if (prev?.kind === "flags" && key !== "DirectSubmissionModifiers") {
          let flags = [...prev.flags];
          for (const f of value.flags) {
            if (key === "DontBlameSendmail" && f === "safe") flags = [];
            else if (!flags.includes(f)) flags.push(f);
          }
          merged = { kind: "flags", flags };
        } else if (key === "DontBlameSendmail") {
          let flags: string[] = [];
          for (const f of value.flags) {
            if (f === "safe") flags = [];
            else if (!flags.includes(f)) flags.push(f);
          }
          merged = { kind: "flags", flags };
        }
        break;
      case "portOptions":
        if (key === "DaemonPortOptions") {
          this.daemons.push(...value.ports);
          merged = { kind: "portOptions", ports: this.daemons.slice() };
        } else {
          for (const p of value.ports) this.clients.set(String(p.family), p);
          merged = { kind: "portOptions", ports: [...this.clients.values()] };
        }
        break;
      case "aliasFiles":
        if (prev?.kind === "aliasFiles") merged = { kind: "aliasFiles", specs: [...prev.specs, ...value.specs] };
        break;
      case "timeouts":
        if (key === "QueueTimeout") this.optionValues.set(key, value);
        merged = { kind: "timeouts", values: this.timeouts.slice() };
        key = "Timeout";
        break;
      case "resolver":
        if (prev?.kind === "resolver") merged = { kind: "resolver", items: [...prev.items, ...value.items] };
        break;
      case "sslOptions":
        if (prev?.kind === "sslOptions") merged = { kind: "sslOptions", items: [...prev.items, ...value.items] };
        break;
      case "milter":
        key = `Milter.${subopt ?? value.subOption}`;
        break;
      case "string":
        if (key === "OperatorChars") this.operatorCharsOption = value.value;
        if (key === "QueueDirectory") this.queueDir = value.value;
        break;
      case "integer":
        if (key === "MaxQueueChildren") this.maxQueueChildren = value.value;
        if (key === "MaxRunnersPerQueue") this.maxRunnersPerQueue = value.value;
        if (key === "NiceQueueRun") this.niceQueueRun = value.value;
        break;
      case "user":
        if (key === "g" && prev?.kind === "user" && value.gid !== null) {
          merged = { ...prev, gid: value.gid, group: value.group };
        }
        break;
    }
    if (key === "LDAPDefaultSpec" && value.kind === "string" && value.value !== null) {
      this.maps.ldapDefaultHasFilter = /(^|\s)-k/.test(value.value);
    }
    this.optionValues.set(key, merged);
  }

  private fileClassLine(bp: string): void {
    const diag = this.diag;
    const r = macidParse(bp, 1, this.ids, diag);
    if (r.id === 0) return;
    const cls = r.id;
    let p = r.end;
    while (p < bp.length && isSpace(bp.charCodeAt(p))) p++;
    let optional = false;
    if (bp[p] === "-" && bp[p + 1] === "o") {
      optional = true;
      while (p < bp.length && !isSpace(bp.charCodeAt(p))) p++;
      while (p < bp.length && isSpace(bp.charCodeAt(p))) p++;
    }
    const rest = bp.slice(p);
    let ismap = false;
    if (rest[0] !== "/" && rest[0] !== "|") {
      const at = rest.indexOf("@");
      if (at >= 0) {
        const q = rest.slice(at + 1);
        if (q === "LDAP" || (q[0] !== ":" && q.includes(":"))) ismap = true;
      }
    }
    let file: string;
    let fmt: string;
    if (ismap) {
      file = rest;
      fmt = "%s";
    } else {
      const e = extrQuotStr(bp, p, " ");
      if (!e.ok) {
        diag.syserr(`illegal filename '${rest}'`);
        return;
      }
      file = e.value;
      if (file[0] === "|") fmt = "%s";
      else if (e.end >= bp.length) fmt = "%s";
      else {
        let f = e.end + 1;
        while (f < bp.length && isSpace(bp.charCodeAt(f))) f++;
        fmt = bp.slice(f);
      }
    }
    const className = this.ids.keyOf(cls);
    const addWords = (words: string[]): string[] => {
      const added: string[] = [];
      for (const w of words) added.push(...this.classes.add(cls, w, this.ids, diag));
      return added;
    };
    let source: CfClassSource;
    if (file.length === 0) {
      diag.syserr("fileclass: missing file name");
      return;
    } else if (ismap) {
      const at = file.indexOf("@");
      const key = file.slice(0, at);
      let cl = file.slice(at + 1);
      let spec = "";
      if (cl !== "LDAP") {
        const colon = cl.indexOf(":");
        if (colon < 0) {
          diag.syserr(`fileclass: F{${className}}: missing map class`);
          return;
        }
        spec = cl.slice(colon + 1);
        cl = cl.slice(0, colon);
      } else cl = "ldap";
      const info = MAP_CLASSES.get(cl.toLowerCase());
      if (info === undefined) {
        diag.syserr(`fileclass: F{${className}}: class ${cl} not available`);
        return;
      }
      let loaded = false;
      if (info.parser === "generic" && cl !== "LDAP") {
        const parsed = mapParseArgs(className, cl.toLowerCase(), spec, info.optionalFile, diag);
        if (!parsed.ok) return;
        const lc = cl.toLowerCase();
        const mapOptional = parsed.args.flags.includes("o");
        if ((lc === "hash" || lc === "btree") && parsed.args.file !== null && !dbMapFileExists(parsed.args.file)) {
          const dbFile = parsed.args.file.endsWith(".db") ? parsed.args.file : parsed.args.file + ".db";
          if (!mapOptional) {
            diag.syserr(`${lc} map "${className}": missing map file ${dbFile}`, "No such file or directory");
          }
          if (!optional && !mapOptional) diag.syserr(`fileclass: F{${className}}: map open failed`);
          loaded = true;
        }
      }
      source = { kind: "map", key, mapClass: cl, spec, optional, words: [], loaded };
    } else if (file[0] === "|") {
      const command = file.slice(1);
      const argv = command.split(/[ \t]+/).filter((w) => w.length > 0);
      let words: string[] = [];
      let ran = false;
      if (this.opts.runClassPrograms === true) {
        const out = runClassProgram(argv);
        ran = out !== null;
        if (out !== null) words = addWords(wordsFromText(out, fmt));
        else if (!optional) diag.syserr(`fileclass: cannot open '${file}'`);
      }
      source = { kind: "program", command, argv, optional, words, ran };
    } else {
      let words: string[] = [];
      let loaded = false;
      if (this.opts.readClassFiles !== false) {
        const text = readClassFile(file, optional, diag);
        if (text !== null) {
          loaded = true;
          words = addWords(wordsFromText(text, fmt));
        }
      }
      source = { kind: "file", path: file, optional, format: fmt, words, loaded };
    }
    this.classDefs.push({ className, line: this.line, source });
  }

  /* ------------------------------------------------------ after reading */

  finish(): CfModel {
    const diag = this.diag;
    diag.file = null;
    const stopped = diag.stopped;
    if (!stopped) {
      // inithostmaps()
      if (!this.maps.has("host")) {
        this.maps.define(this.configLevel >= 2 ? "host host -a. -D" : "host host", null, diag, true);
      }
      if (this.aliasServices().includes("files") && !this.maps.has("aliases.files")) {
        this.maps.define("aliases.files null", null, diag, true);
      }
      if (!this.maps.has("aliases")) this.maps.define("aliases switch aliases", null, diag, true);
      // initdaemon()
      if (this.daemons.length === 0) {
        this.daemons.push({
          name: "Daemon0",
          pairs: [],
          family: "inet",
          addr: null,
          port: null,
          portSpec: null,
          modifiers: "",
          modifierFlags: "",
          listenQueue: 10,
          sendBufferSize: null,
          receiveBufferSize: null,
          inputMailFilters: null,
          deliveryMode: null,
          children: null,
          refuseLA: null,
          queueLA: null,
          delayLA: null,
        });
      }
      this.postReadChecks();
    }
    return this.model();
  }

  private aliasServices(): string[] {
    const opt = this.optionValues.get("ServiceSwitchFile");
    const path =
      this.opts.serviceSwitchFile ?? (opt?.kind === "string" && opt.value !== null ? opt.value : "/etc/mail/service.switch");
    const text = readClassFileQuiet(path);
    if (text !== null) {
      for (const line of text.split("\n")) {
        const l = line.replace(/#.*/, "");
        const words = l.split(/[ \t]+/).filter((w) => w.length > 0);
        if (words[0] === "aliases") return words.slice(1);
      }
    }
    return ["files"];
  }

  /** What main() checks and sets right after readcf(). */
  private postReadChecks(): void {
    const diag = this.diag;
    const version = this.environment.version ?? SENDMAIL_VERSION;
    if (this.configLevel < MAXCONFIGLEVEL) {
      diag.noticeNoLocation(
        `Warning: .cf file is out of date: sendmail ${version} supports version ${MAXCONFIGLEVEL}, .cf file is version ${this.configLevel}`,
      );
    }
    let myHostName = expand("\x81j", this.macros, null);
    if (myHostName.length === 0) myHostName = "localhost";
    if (!myHostName.includes(".")) {
      diag.noticeNoLocation(`WARNING: local host name (${myHostName}) is not qualified; see cf/README: WHO AM I?`);
    }
    this.classes.add(0x77, myHostName, this.ids, null);
    // the default queue takes its values from the options
    const mq = this.queues.get("mqueue");
    if (mq !== undefined && !mq.defined) {
      mq.path = this.queueDir;
      mq.runners = this.maxRunnersPerQueue;
      mq.nice = this.niceQueueRun;
    }
    const local = this.mailers.get("local");
    if (local === undefined) diag.syserrNoLocation("No local mailer defined");
    const prog = this.mailers.get("prog");
    const file = this.mailers.get("*file*");
    for (const m of [prog, file]) if (m !== undefined) m.flags = m.flags.replace("m", "");
    const addFlags = (m: typeof local, f: string): void => {
      if (m === undefined) return;
      m.flags = [...new Set(m.flags + f)].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0)).join("");
    };
    if (this.configLevel < 6) {
      addFlags(local, "Aw5:|/@");
      addFlags(prog, "o");
      addFlags(file, "o");
    }
    if (this.configLevel < 7) {
      addFlags(local, "q");
      addFlags(prog, "q");
      addFlags(file, "q");
    }
    const ids = this.ids;
    this.classes.add(0x6e, "multipart/signed", ids, null);
    this.classes.add(0x73, "rfc822", ids, null);
    for (const w of ["7bit", "8bit", "binary"]) this.classes.add(0x65, w, ids, null);
    const cls = (name: string, words: string[]): void => {
      const id = ids.longId(name);
      for (const w of words) this.classes.add(id, w, ids, null);
    };
    cls("checkMIMEFieldHeaders", ["content-disposition", "content-type"]);
    cls("checkMIMETextHeaders", ["content-description"]);
    cls("checkMIMEHeaders", ["content-disposition", "content-id", "content-transfer-encoding", "content-type", "mime-version"]);
    cls("persistentMacros", ["r", "s", "_", "{if_addr}", "{daemon_flags}"]);
    if ((this.queueDir === null || this.queueDir.length === 0) && this.opMode !== "t") {
      diag.syserrNoLocation("QueueDirectory (Q) option must be set", EX_CONFIG);
      diag.exitStatus = EX_CONFIG;
    }
    const m = expand("\x81m", this.macros, null);
    if (m.length > 0) this.classes.add(0x6d, m, ids, null);
    // load_if_names() (unless DontProbeInterfaces is true)
    const dpi = this.optionValues.get("DontProbeInterfaces");
    if (!(dpi?.kind === "enum" && dpi.value === "true")) {
      for (const ifc of this.environment.interfaces ?? []) {
        if (!this.classes.has(0x77, ifc.literal)) this.classes.add(0x77, ifc.literal, ids, null);
        for (const name of ifc.names) {
          if (this.classes.has(0x77, name)) continue;
          this.classes.add(0x77, name, ids, null);
          if (!this.classes.has(0x77, `[${name}]`)) this.classes.add(0x77, `[${name}]`, ids, null);
        }
      }
    }
  }

  private model(): CfModel {
    const rulesets = new Map<number, CfRuleset>();
    for (const n of [...this.rulesets.keys()].sort((a, b) => a - b)) {
      const st = this.rulesets.get(n)!;
      rulesets.set(n, {
        number: n,
        name: this.ruleSetNames[n] ?? null,
        names: st.names.slice(),
        rules: st.rules,
        line: st.line,
      });
    }
    const h = this.headers.result();
    const macroIds = new Map<string, number>();
    for (const [name, id] of this.ids.byName) macroIds.set(name, id);
    return {
      fileName: this.fileName,
      configLevel: this.configLevel,
      vendor: this.vendor,
      macros: this.macroDefs,
      macroIds,
      classes: this.classes.result(this.ids),
      classDefinitions: this.classDefs,
      options: this.options,
      optionValues: this.optionValues,
      timeouts: this.timeouts,
      daemons: this.daemons,
      clients: [...this.clients.values()],
      precedences: this.precedences,
      trustedUsers: this.trusted,
      headers: h.headers,
      headerChecks: h.checks,
      mailers: this.mailers.byIndex.map((m) => ({ ...m })),
      maps: this.maps.list.map((m) => ({ ...m })),
      rulesets,
      rulesetNumbers: this.rulesetNumbers,
      queueGroups: this.queues.byIndex.map(({ defined: _defined, ...q }) => q),
      milters: this.milters.list.map((m) => ({ ...m })),
      environment: this.env,
      operatorChars: this.tables !== null ? this.tables.operatorChars.slice(0, -8) : this.effectiveOperatorChars(),
      errors: this.diag.list,
      exitStatus: this.diag.exitStatus,
    };
  }

  private effectiveOperatorChars(): string {
    let oc = this.operatorCharsOption;
    if (oc === null && this.configLevel < 7) oc = this.macros.get(0x6f) ?? null;
    return expand(oc ?? DEFAULT_OPERATOR_CHARS, this.macros, null, 50 - 9);
  }
}

function readClassFileQuiet(path: string): string | null {
  try {
    return readFileSync(path, "latin1");
  } catch {
    return null;
  }
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** arpadate(): "Wed, 1 Jan 2025 12:00:00 +0000" in local time. */
export function arpadate(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  const pad = (n: number): string => String(n).padStart(2, "0");
  return (
    `${DAYS[d.getDay()]}, ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

/** Read cf text (a byte string) into a model. */
export function readCf(text: string, fileName: string, opts: LoadOptions, env: CfEnvironment): CfModel {
  const r = new Reader(fileName, opts, env);
  r.read(text);
  return r.finish();
}
