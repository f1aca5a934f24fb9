/*
 * options - the O line: sendmail 8.17's option table (as compiled for
 * Debian: -bO lists the same names in the same order), name lookup with
 * unique-prefix abbreviations, and a typed value for every option.
 */

import {
  atobool,
  atoi,
  atooct,
  isAlnum,
  isDigit,
  isPunct,
  isSpace,
  isUpper,
  isPrint,
  lowerAscii,
  strtol,
} from "./chars.js";
import { ERRNO_TEXT, type Diagnostics } from "./diag.js";
import { expand, macidParse, munchString, type MacroIds, type MacroTable } from "./macros.js";
import type { CfOptionValue, CfPortOptions, CfTimeoutSetting } from "./model.js";
import type { SystemDatabases } from "./sysdb.js";

export interface OptionInfo {
  /** Long name ("" for g and M). */
  readonly name: string;
  /** Option code: the short name's char code, or 0x81.. for long-only options. */
  readonly code: number;
  /** Option takes ".suboption" (Timeout, Milter). */
  readonly subopt: boolean;
}

const L = (name: string, code: number | string, subopt = false): OptionInfo => ({
  name,
  code: typeof code === "string" ? code.charCodeAt(0) : code,
  subopt,
});

/** OptionTab in sendmail's order (as "sendmail -bO" prints it). */
export const OPTION_TABLE: readonly OptionInfo[] = [
  L("SevenBitInput", "7"),
  L("EightBitMode", "8"),
  L("AliasFile", "A"),
  L("AliasWait", "a"),
  L("BlankSub", "B"),
  L("MinFreeBlocks", "b"),
  L("CheckpointInterval", "C"),
  L("HoldExpensive", "c"),
  L("DeliveryMode", "d"),
  L("ErrorHeader", "E"),
  L("ErrorMode", "e"),
  L("TempFileMode", "F"),
  L("SaveFromLine", "f"),
  L("MatchGECOS", "G"),
  L("", "g"),
  L("HelpFile", "H"),
  L("MaxHopCount", "h"),
  L("ResolverOptions", "I"),
  L("IgnoreDots", "i"),
  L("ForwardPath", "J"),
  L("SendMimeErrors", "j"),
  L("ConnectionCacheSize", "k"),
  L("ConnectionCacheTimeout", "K"),
  L("UseErrorsTo", "l"),
  L("LogLevel", "L"),
  L("MeToo", "m"),
  L("", "M"),
  L("CheckAliases", "n"),
  L("OldStyleHeaders", "o"),
  L("DaemonPortOptions", "O"),
  L("PrivacyOptions", "p"),
  L("PostmasterCopy", "P"),
  L("QueueFactor", "q"),
  L("QueueDirectory", "Q"),
  L("DontPruneRoutes", "R"),
  L("Timeout", "r", true),
  L("StatusFile", "S"),
  L("SuperSafe", "s"),
  L("QueueTimeout", "T"),
  L("TimeZoneSpec", "t"),
  L("UserDatabaseSpec", "U"),
  L("DefaultUser", "u"),
  L("FallbackMXhost", "V"),
  L("Verbose", "v"),
  L("TryNullMXList", "w"),
  L("QueueLA", "x"),
  L("RefuseLA", "X"),
  L("RecipientFactor", "y"),
  L("ForkEachJob", "Y"),
  L("ClassFactor", "z"),
  L("RetryFactor", "Z"),
  L("QueueSortOrder", 0x81),
  L("HostsFile", 0x82),
  L("MinQueueAge", 0x83),
  L("DefaultCharSet", 0x85),
  L("ServiceSwitchFile", 0x86),
  L("DialDelay", 0x87),
  L("NoRecipientAction", 0x88),
  L("SafeFileEnvironment", 0x89),
  L("MaxMessageSize", 0x8a),
  L("ColonOkInAddr", 0x8b),
  L("MaxQueueRunSize", 0x8c),
  L("MaxDaemonChildren", 0x8d),
  L("DontExpandCnames", 0x8e),
  L("MustQuoteChars", 0x8f),
  L("SmtpGreetingMessage", 0x90),
  L("UnixFromLine", 0x91),
  L("OperatorChars", 0x92),
  L("DontInitGroups", 0x93),
  L("SingleLineFromHeader", 0x94),
  L("AllowBogusHELO", 0x95),
  L("ConnectionRateThrottle", 0x97),
  L("UnsafeGroupWrites", 0x99),
  L("DoubleBounceAddress", 0x9a),
  L("HostStatusDirectory", 0x9b),
  L("SingleThreadDelivery", 0x9c),
  L("RunAsUser", 0x9d),
  L("RrtImpliesDsn", 0x9e),
  L("PidFile", 0x9f),
  L("DontBlameSendmail", 0xa0),
  L("DontProbeInterfaces", 0xa1),
  L("MaxRecipientsPerMessage", 0xa2),
  L("DeadLetterDrop", 0xa3),
  L("MaxAliasRecursion", 0xa5),
  L("ConnectOnlyTo", 0xa6),
  L("TrustedUser", 0xa7),
  L("MaxMimeHeaderLength", 0xa8),
  L("ControlSocketName", 0xa9),
  L("MaxHeadersLength", 0xaa),
  L("ProcessTitlePrefix", 0xac),
  L("DefaultAuthInfo", 0xad),
  L("AuthMechanisms", 0xae),
  L("ClientPortOptions", 0xaf),
  L("DataFileBufferSize", 0xb0),
  L("XscriptFileBufferSize", 0xb1),
  L("LDAPDefaultSpec", 0xb2),
  L("ServerCertFile", 0xb4),
  L("ServerKeyFile", 0xb5),
  L("ClientCertFile", 0xb6),
  L("ClientKeyFile", 0xb7),
  L("CACertFile", 0xb8),
  L("CACertPath", 0xb9),
  L("DHParameters", 0xba),
  L("InputMailFilters", 0xbb),
  L("Milter", 0xbc, true),
  L("AuthOptions", 0xbd),
  L("QueueFileMode", 0xbe),
  L("CertFingerprintAlgorithm", 0xbf),
  L("CipherList", 0xc0),
  L("RandFile", 0xc1),
  L("TLSSrvOptions", 0xc2),
  L("BadRcptThrottle", 0xc3),
  L("DeliverByMin", 0xc4),
  L("MaxQueueChildren", 0xc5),
  L("MaxRunnersPerQueue", 0xc6),
  L("DirectSubmissionModifiers", 0xc7),
  L("NiceQueueRun", 0xc8),
  L("SharedMemoryKey", 0xc9),
  L("AuthMaxBits", 0xca),
  L("MailboxDatabase", 0xcb),
  L("UseMSP", 0xcc),
  L("DelayLA", 0xcd),
  L("FastSplit", 0xce),
  L("SoftBounce", 0xcf),
  L("SharedMemoryKeyFile", 0xd0),
  L("RejectLogInterval", 0xd1),
  L("RequiresDirfsync", 0xd2),
  L("ConnectionRateWindowSize", 0xd3),
  L("CRLFile", 0xd4),
  L("FallbackSmartHost", 0xd5),
  L("AuthRealm", 0xd6),
  L("CRLPath", 0xd7),
  L("HeloName", 0xd8),
  L("MaxNOOPCommands", 0xdc),
  L("BadRcptShutdown", 0xe1),
  L("BadRcptShutdownGood", 0xe2),
  L("ServerSSLOptions", 0xe3),
  L("ClientSSLOptions", 0xe4),
  L("MaxQueueAge", 0xe5),
  L("RejectNUL", 0xe9),
  L("UseCompressedIPv6Addresses", 0xec),
  L("SSLEngine", 0xed),
  L("SSLEnginePath", 0xee),
  L("TLSFallbacktoClear", 0xef),
  L("SetCertAltnames", 0xf7),
  L("SmtpUTF8", 0xf8),
  L("StrictTransportSecurity", 0xf9),
  L("CipherSuites", 0xfa),
];

/** Find an option by short code. */
export function optionByCode(code: number): OptionInfo | undefined {
  return OPTION_TABLE.find((o) => o.code === code);
}

const LOWER_NAMES = OPTION_TABLE.map((o) => lowerAscii(o.name));
const BY_LOWER_NAME = new Map(OPTION_TABLE.filter((o) => o.name !== "").map((o) => [lowerAscii(o.name), o]));

/** Look up a long option name as setoption() does (case-insensitive, unique prefixes allowed). */
export function lookupOption(
  name: string,
): { option: OptionInfo; abbreviated: boolean } | { error: "unknown" } | { error: "ambiguous"; first: string; second: string } {
  const lname = lowerAscii(name);
  const exact = BY_LOWER_NAME.get(lname);
  if (exact !== undefined) return { option: exact, abbreviated: false };
  let sel: OptionInfo | null = null;
  for (let i = 0; i < OPTION_TABLE.length; i++) {
    const lo = LOWER_NAMES[i]!;
    if (lo.length < lname.length || !lo.startsWith(lname)) continue;
    const o = OPTION_TABLE[i]!;
    if (lo.length === lname.length) return { option: o, abbreviated: false };
    if (sel !== null) return { error: "ambiguous", first: sel.name, second: o.name };
    sel = o;
  }
  if (sel !== null) return { option: sel, abbreviated: true };
  return { error: "unknown" };
}

/**
 * The first part of setoption(): decode "O Name.sub=value" (opt is ' ') or
 * "Oxvalue" (opt is the short name). Reports unknown/ambiguous names.
 */
export function resolveOptionLine(
  opt: number,
  val: string,
  diag: Diagnostics,
): { option: OptionInfo; subopt: string | null; value: string; writtenName: string | null } | null {
  if (opt !== 0x20) {
    const o = optionByCode(opt);
    if (o === undefined) {
      diag.syserr(`readcf: unknown option name 0x${(opt & 0xff).toString(16)}`);
      return null;
    }
    return { option: o, subopt: null, value: val, writtenName: null };
  }
  let eq = val.indexOf("=");
  if (eq < 0) eq = val.length;
  let nameEnd = eq;
  while (nameEnd > 0 && val[nameEnd - 1] === " ") nameEnd--;
  if (nameEnd === 0) {
    diag.syserr("readcf: null option name");
    return null;
  }
  let p = eq < val.length ? eq + 1 : val.length;
  while (val[p] === " ") p++;
  const value = eq < val.length ? val.slice(p) : "";
  let name = val.slice(0, nameEnd);
  let subopt: string | null = null;
  const dot = name.indexOf(".");
  if (dot >= 0) {
    subopt = name.slice(dot + 1);
    name = name.slice(0, dot);
  }
  const r = lookupOption(name);
  if ("error" in r) {
    if (r.error === "unknown") diag.syserr(`readcf: unknown option name ${name}`);
    else diag.syserr(`readcf: ambiguous option name ${name} (matches ${r.first} and ${r.second})`);
    return null;
  }
  if (r.abbreviated) diag.notice(`Option ${name} used as abbreviation for ${r.option.name}`);
  if (subopt !== null && !r.option.subopt) subopt = null;
  return { option: r.option, subopt, value, writtenName: r.abbreviated ? name : null };
}

/* --------------------------------------------------------------- helpers */

/**
 * convtime(): "5d4h" -> seconds; units w d h m s, a bare number uses the
 * default unit; "now" is -1. Invalid units are reported with usrerr().
 */
export function convtime(p: string, units: string, diag: Diagnostics | null): number {
  if (lowerAscii(p) === "now") return -1;
  let i = 0;
  let pos = true;
  if (p.charCodeAt(0) === 0x2d) {
    pos = false;
    i++;
  }
  let r = 0;
  while (i < p.length) {
    let t = 0;
    let c = "";
    while (i < p.length) {
      c = p[i]!;
      i++;
      if (!isDigit(c.charCodeAt(0))) break;
      t = t * 10 + (c.charCodeAt(0) - 0x30);
      c = "";
    }
    if (c === "") {
      c = units;
    } else if (!"wdhms".includes(c)) {
      diag?.usrerr(`Invalid time unit \`${c}'`);
      c = units;
    }
    switch (c) {
      case "w":
        t *= 7 * 24 * 3600;
        break;
      case "h":
        t *= 3600;
        break;
      case "m":
        t *= 60;
        break;
      case "s":
        break;
      default:
        t *= 24 * 3600;
        break;
    }
    r += t;
  }
  return pos ? r : -r;
}

/** inet_addr(): accepts a, a.b, a.b.c, a.b.c.d with decimal, octal or hex parts. */
export function inetAddr(s: string): number | null {
  if (s.length === 0) return null;
  const parts = s.split(".");
  if (parts.length > 4) return null;
  const nums: number[] = [];
  for (const part of parts) {
    if (part.length === 0) return null;
    const r = strtol(part, 0, 0);
    if (r.end !== part.length || r.value < 0) return null;
    nums.push(r.value);
  }
  const last = nums.length - 1;
  const limits = [0xffffffff, 0xffffff, 0xffff, 0xff];
  for (let i = 0; i < last; i++) if (nums[i]! > 0xff) return null;
  if (nums[last]! > limits[last]!) return null;
  return 0; // value not needed, only validity
}

/** inet_pton(AF_INET6, s). */
export function isIPv6Literal(s: string): boolean {
  if (s.includes("%") || s.length === 0) return false;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  let head = s;
  let groupsNeeded = 8;
  if (v4 !== null) {
    const q = v4[1]!.split(".").map(Number);
    if (q.some((x) => x > 255) || !/^(\d{1,3}\.){3}\d{1,3}$/.test(v4[1]!)) return false;
    head = s.slice(0, s.length - v4[1]!.length);
    if (!head.endsWith(":")) return false;
    head = head.endsWith("::") ? head : head.slice(0, -1);
    groupsNeeded = 6;
  }
  const dbl = head.indexOf("::");
  if (dbl !== head.lastIndexOf("::")) return false;
  const hex = /^[0-9a-fA-F]{1,4}$/;
  if (dbl < 0) {
    const g = head.split(":");
    return g.length === groupsNeeded && g.every((x) => hex.test(x));
  }
  const left = head.slice(0, dbl);
  const right = head.slice(dbl + 2);
  const lg = left.length === 0 ? [] : left.split(":");
  const rg = right.length === 0 ? [] : right.split(":");
  if (![...lg, ...rg].every((x) => hex.test(x))) return false;
  return lg.length + rg.length < groupsNeeded;
}

/** The values of PrivacyOptions (PrivacyValues[]). */
export const PRIVACY_VALUES = [
  "public",
  "needmailhelo",
  "needexpnhelo",
  "needvrfyhelo",
  "noexpn",
  "novrfy",
  "restrictexpand",
  "restrictmailq",
  "restrictqrun",
  "noetrn",
  "noverb",
  "authwarnings",
  "noreceipts",
  "nobodyreturn",
  "goaway",
  "noactualrecipient",
] as const;

/** The values of DontBlameSendmail (DontBlameSendmailValues[]). */
export const DONT_BLAME_SENDMAIL_VALUES = [
  "safe",
  "assumesafechown",
  "groupwritabledirpathsafe",
  "groupwritableforwardfilesafe",
  "groupwritableincludefilesafe",
  "groupwritablealiasfile",
  "worldwritablealiasfile",
  "forwardfileinunsafedirpath",
  "includefileinunsafedirpath",
  "mapinunsafedirpath",
  "linkedaliasfileinwritabledir",
  "linkedclassfileinwritabledir",
  "linkedforwardfileinwritabledir",
  "linkedincludefileinwritabledir",
  "linkedmapinwritabledir",
  "linkedserviceswitchfileinwritabledir",
  "filedeliverytohardlink",
  "filedeliverytosymlink",
  "writemaptohardlink",
  "writemaptosymlink",
  "writestatstohardlink",
  "writestatstosymlink",
  "forwardfileingroupwritabledirpath",
  "includefileingroupwritabledirpath",
  "classfileinunsafedirpath",
  "errorheaderinunsafedirpath",
  "helpfileinunsafedirpath",
  "forwardfileinunsafedirpathsafe",
  "includefileinunsafedirpathsafe",
  "runprograminunsafedirpath",
  "runwritableprogram",
  "nonrootsafeaddr",
  "truststickybit",
  "dontwarnforwardfileinunsafedirpath",
  "insufficiententropy",
  "groupreadablesasldbfile",
  "groupwritablesasldbfile",
  "groupwritableforwardfile",
  "groupwritableincludefile",
  "worldwritableforwardfile",
  "worldwritableincludefile",
  "groupreadablekeyfile",
  "groupreadabledefaultauthinfofile",
] as const;

const RESOLVER_FLAGS = [
  "debug",
  "aaonly",
  "usevc",
  "primary",
  "igntc",
  "recurse",
  "defnames",
  "stayopen",
  "dnsrch",
  "use_edns0",
  "use_dnssec",
  "trustad",
  "true",
];

/** SSL_OP_* names readssloptions() knows (OpenSSL 3 build). */
const SSL_OPTION_NAMES = [
  "SSL_OP_MICROSOFT_SESS_ID_BUG",
  "SSL_OP_NETSCAPE_CHALLENGE_BUG",
  "SSL_OP_LEGACY_SERVER_CONNECT",
  "SSL_OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG",
  "SSL_OP_SSLREF2_REUSE_CERT_TYPE_BUG",
  "SSL_OP_MICROSOFT_BIG_SSLV3_BUFFER",
  "SSL_OP_MSIE_SSLV2_RSA_PADDING",
  "SSL_OP_SSLEAY_080_CLIENT_DH_BUG",
  "SSL_OP_TLS_D5_BUG",
  "SSL_OP_TLS_BLOCK_PADDING_BUG",
  "SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS",
  "SSL_OP_ALL",
  "SSL_OP_NO_QUERY_MTU",
  "SSL_OP_COOKIE_EXCHANGE",
  "SSL_OP_NO_TICKET",
  "SSL_OP_CISCO_ANYCONNECT",
  "SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION",
  "SSL_OP_NO_COMPRESSION",
  "SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION",
  "SSL_OP_SINGLE_ECDH_USE",
  "SSL_OP_SINGLE_DH_USE",
  "SSL_OP_EPHEMERAL_RSA",
  "SSL_OP_CIPHER_SERVER_PREFERENCE",
  "SSL_OP_TLS_ROLLBACK_BUG",
  "SSL_OP_NO_SSLv2",
  "SSL_OP_NO_SSLv3",
  "SSL_OP_NO_TLSv1",
  "SSL_OP_NO_TLSv1_3",
  "SSL_OP_NO_TLSv1_2",
  "SSL_OP_NO_TLSv1_1",
  "SSL_OP_PKCS1_CHECK_1",
  "SSL_OP_PKCS1_CHECK_2",
  "SSL_OP_NETSCAPE_CA_DN_BUG",
  "SSL_OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG",
  "SSL_OP_CRYPTOPRO_TLSEXT_BUG",
  "SSL_OP_TLSEXT_PADDING",
  "SSL_OP_NO_RENEGOTIATION",
  "SSL_OP_NO_ANTI_REPLAY",
  "SSL_OP_ALLOW_NO_DHE_KEX",
  "SSL_OP_NO_ENCRYPT_THEN_MAC",
  "SSL_OP_ENABLE_MIDDLEBOX_COMPAT",
  "SSL_OP_PRIORITIZE_CHACHA",
];

/** The names TimeOutTab knows (lower case). */
export const TIMEOUT_NAMES = [
  "initial",
  "mail",
  "rcpt",
  "datainit",
  "datablock",
  "datafinal",
  "command",
  "rset",
  "helo",
  "quit",
  "misc",
  "ident",
  "fileopen",
  "connect",
  "iconnect",
  "queuewarn",
  "queuewarn.*",
  "queuewarn.normal",
  "queuewarn.urgent",
  "queuewarn.non-urgent",
  "queuereturn",
  "queuereturn.*",
  "queuereturn.normal",
  "queuereturn.urgent",
  "queuereturn.non-urgent",
  "hoststatus",
  "resolver.retrans",
  "resolver.retrans.normal",
  "resolver.retrans.first",
  "resolver.retry",
  "resolver.retry.normal",
  "resolver.retry.first",
  "control",
  "lhlo",
  "auth",
  "starttls",
  "aconnect",
  "queuewarn.dsn",
  "queuereturn.dsn",
];

const MILTER_OPTIONS = [
  "LogLevel",
  "macros.connect",
  "macros.helo",
  "macros.envfrom",
  "macros.envrcpt",
  "macros.data",
  "macros.eoh",
  "macros.eom",
];

/** getmodifiers(): the modifier characters as ${daemon_flags} shows them. */
export function modifierFlags(v: string): string {
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80 && !isSpace(c) && isPrint(c)) out.push(isUpper(c) ? v[i]! + v[i]! : v[i]!);
  }
  return out.join(" ");
}

/* ------------------------------------------------------- option context */

export interface OptionContext {
  readonly diag: Diagnostics;
  readonly macros: MacroTable;
  readonly ids: MacroIds;
  readonly db: SystemDatabases;
  readonly line: number;
  /** Called for option M (define macro). */
  defineMacro(id: number, value: string): void;
  /** Is OperatorChars already set (warning on redefinition)? */
  operatorCharsSet: boolean;
  /** Number of DaemonPortOptions so far (for the default "Daemon<n>" name). */
  daemonCount: number;
  /** QueueDir set? (needed before Q lines) */
  queueDir: string | null;
}

export type OptionResult = { value: CfOptionValue; timeouts?: CfTimeoutSetting[] } | null;

/** settimeout(): one named timeout; returns the setting or null (error reported). */
export function settimeout(name: string, val: string, diag: Diagnostics): CfTimeoutSetting | null {
  const lname = lowerAscii(name);
  if (!TIMEOUT_NAMES.includes(lname)) {
    diag.syserr(`settimeout: invalid timeout ${name}`);
    return null;
  }
  const canonical = lname.endsWith(".*") ? lname.slice(0, -2) : lname;
  let value = convtime(val, "m", diag);
  if (canonical.startsWith("queuewarn")) value = convtime(val, "h", diag);
  else if (canonical.startsWith("queuereturn")) value = convtime(val, "d", diag);
  else if (canonical === "resolver.retrans" || canonical.startsWith("resolver.retrans.")) value = convtime(val, "s", diag);
  else if (canonical === "resolver.retry" || canonical.startsWith("resolver.retry.")) value = atoi(val);
  return { name: canonical, value };
}

/** inittimeouts(): "Timeout=5m,queuereturn=2d" (old and new syntax). */
function inittimeouts(val: string, diag: Diagnostics): CfTimeoutSetting[] {
  const out: CfTimeoutSetting[] = [];
  for (const rawField of val.split(",")) {
    let f = rawField;
    let k = 0;
    while (k < f.length && isSpace(f.charCodeAt(k))) k++;
    f = f.slice(k);
    if (f.length === 0) continue;
    if (isDigit(f.charCodeAt(0))) {
      const t = convtime(f, "m", diag);
      for (const n of ["mail", "rcpt", "datainit", "datablock", "datafinal", "command"]) out.push({ name: n, value: t });
      continue;
    }
    let q = f.indexOf(":");
    if (q < 0) q = f.indexOf("=");
    if (q < 0) continue;
    const s = settimeout(f.slice(0, q), f.slice(q + 1), diag);
    if (s !== null) out.push(s);
  }
  return out;
}

const AF_UNIX = 1;
const AF_INET = 2;
const AF_INET6 = 10;

/** setsockaddroptions(): parse DaemonPortOptions / ClientPortOptions. */
export function parsePortOptions(val: string, kind: "daemon" | "client", ctx: OptionContext): CfPortOptions {
  const diag = ctx.diag;
  const pairs: { key: string; value: string }[] = [];
  let family: number = AF_INET;
  let addr: string | null = null;
  let port: string | null = null;
  let name: string | null = null;
  let modifiers = "";
  let modifierText: string | null = null;
  let listenQueue: number | null = null;
  let sndbuf: number | null = null;
  let rcvbuf: number | null = null;
  let filters: string | null = null;
  let dm: string | null = null;
  let children: number | null = null;
  let refuseLA: number | null = null;
  let queueLA: number | null = null;
  let delayLA: number | null = null;
  let p: string | null = val;
  while (p !== null) {
    let k = 0;
    while (k < p.length && isSpace(p.charCodeAt(k))) k++;
    if (k >= p.length) break;
    const rest: string = p.slice(k);
    const comma = rest.indexOf(",");
    const f = comma < 0 ? rest : rest.slice(0, comma);
    p = comma < 0 ? null : rest.slice(comma + 1);
    const eq = f.indexOf("=");
    if (eq < 0) continue;
    let vi = eq + 1;
    while (vi < f.length && isSpace(f.charCodeAt(vi))) vi++;
    const v = f.slice(vi);
    pairs.push({ key: f.slice(0, eq), value: v });
    switch (f[0]) {
      case "A":
      case "a":
        addr = v;
        break;
      case "c":
        children = atoi(v);
        break;
      case "D":
        if ("qdib".includes(v[0] ?? "\0") && v.length > 0) dm = v[0]!;
        else diag.syserr(`Unknown delivery mode ${v[0] ?? ""}`);
        break;
      case "d":
        delayLA = atoi(v);
        break;
      case "F":
      case "f":
        if (isDigit(v.charCodeAt(0))) family = atoi(v);
        else if (lowerAscii(v) === "unix" || lowerAscii(v) === "local") family = AF_UNIX;
        else if (lowerAscii(v) === "inet") family = AF_INET;
        else if (lowerAscii(v) === "inet6") family = AF_INET6;
        else diag.syserr(`Unknown address family ${v} in Family=option`);
        break;
      case "I":
      case "i":
        filters = v;
        break;
      case "L":
      case "l":
        listenQueue = atoi(v);
        break;
      case "M":
      case "m":
        modifiers = v;
        modifierText = modifierFlags(v);
        break;
      case "N":
      case "n":
        name = v;
        break;
      case "P":
      case "p":
        port = v;
        break;
      case "q":
        queueLA = atoi(v);
        break;
      case "R":
        rcvbuf = atoi(v);
        break;
      case "r":
        refuseLA = atoi(v);
        break;
      case "S":
      case "s":
        sndbuf = atoi(v);
        break;
      default:
        diag.syserr(`PortOptions parameter "${f}" unknown`);
    }
  }
  if (addr !== null) {
    switch (family) {
      case AF_UNIX:
        if (addr.length >= 108) {
          diag.syserr(`setsockaddroptions: domain socket name too long: ${addr} > 108`, ERRNO_TEXT.ENAMETOOLONG);
        }
        break;
      case AF_INET:
        if (!isDigit(addr.charCodeAt(0)) || inetAddr(addr) === null) {
          if (ctx.db.host(addr, "inet") === false) diag.syserr(`host "${addr}" unknown`);
        }
        break;
      case AF_INET6:
        if (!isIPv6Literal(addr)) {
          if (ctx.db.host(addr, "inet6") === false) diag.syserr(`host "${addr}" unknown`);
        }
        break;
      default:
        diag.syserr(`address= option unsupported for family ${family}`);
    }
  }
  let portNumber: number | null = null;
  if (port !== null) {
    if (family === AF_INET || family === AF_INET6) {
      if (isDigit(port.charCodeAt(0))) portNumber = atoi(port) & 0xffff;
      else {
        portNumber = ctx.db.service(port);
        if (portNumber === null) diag.syserr(`service "${port}" unknown`);
      }
    } else {
      diag.syserr(`Port= option unsupported for family ${family}`);
    }
  }
  const fam: CfPortOptions["family"] =
    family === AF_INET ? "inet" : family === AF_INET6 ? "inet6" : family === AF_UNIX ? "local" : family;
  const defaultName = kind === "daemon" ? `Daemon${ctx.daemonCount}` : `Client${family}`;
  return {
    name: name ?? defaultName,
    pairs,
    family: fam,
    addr,
    port: portNumber,
    portSpec: port,
    modifiers,
    modifierFlags: modifierText ?? "",
    listenQueue: kind === "daemon" ? (listenQueue ?? 10) : listenQueue,
    sendBufferSize: sndbuf,
    receiveBufferSize: rcvbuf,
    inputMailFilters: filters,
    deliveryMode: dm,
    children,
    refuseLA,
    queueLA,
    delayLA,
  };
}

/** Word lists of PrivacyOptions / DontBlameSendmail: words of alphanumerics. */
function flagWords(val: string): string[] {
  const words: string[] = [];
  let i = 0;
  for (;;) {
    while (i < val.length && val.charCodeAt(i) < 0x80 && (isSpace(val.charCodeAt(i)) || isPunct(val.charCodeAt(i)))) i++;
    if (i >= val.length) break;
    const start = i;
    while (i < val.length && val.charCodeAt(i) < 0x80 && isAlnum(val.charCodeAt(i))) i++;
    words.push(val.slice(start, i));
    if (i < val.length) i++;
  }
  return words;
}

/** Split user[:.\/]group as options u and RunAsUser do. */
function splitUserGroup(val: string): { user: string; group: string } {
  for (let i = 0; i < val.length; i++) {
    const c = val[i];
    if (c === "." || c === "/" || c === ":") return { user: val.slice(0, i), group: val.slice(i + 1) };
  }
  return { user: val, group: "" };
}

const UID_MAX = 0xffffffff;

/**
 * setoption() for one option: validates and converts the value, reporting
 * errors with sendmail's wording. Returns null if nothing was set.
 */
export function parseOptionValue(o: OptionInfo, subopt: string | null, val: string, ctx: OptionContext): OptionResult {
  const diag = ctx.diag;
  const bool = (): OptionResult => ({ value: { kind: "boolean", value: atobool(val) } });
  const int = (): OptionResult => ({ value: { kind: "integer", value: atoi(val) } });
  const str = (v: string | null = val): OptionResult => ({ value: { kind: "string", value: v } });
  const dur = (unit: string): OptionResult => ({ value: { kind: "duration", seconds: convtime(val, unit, diag) } });
  const expanded = (): OptionResult => str(expand(val, ctx.macros, diag));
  switch (o.name === "" ? String.fromCharCode(o.code) : o.name) {
    case "SevenBitInput":
    case "HoldExpensive":
    case "SaveFromLine":
    case "MatchGECOS":
    case "IgnoreDots":
    case "SendMimeErrors":
    case "UseErrorsTo":
    case "MeToo":
    case "CheckAliases":
    case "OldStyleHeaders":
    case "DontPruneRoutes":
    case "Verbose":
    case "TryNullMXList":
    case "ForkEachJob":
    case "ColonOkInAddr":
    case "DontExpandCnames":
    case "DontInitGroups":
    case "SingleLineFromHeader":
    case "AllowBogusHELO":
    case "UnsafeGroupWrites":
    case "SingleThreadDelivery":
    case "RrtImpliesDsn":
    case "UseMSP":
    case "SoftBounce":
    case "RequiresDirfsync":
    case "RejectNUL":
    case "UseCompressedIPv6Addresses":
    case "TLSFallbacktoClear":
    case "SetCertAltnames":
    case "StrictTransportSecurity":
      return bool();
    case "EightBitMode": {
      const m = val[0];
      if (m === "p") return { value: { kind: "enum", value: "pass8" } };
      if (m === "m") return { value: { kind: "enum", value: "mimify" } };
      if (m === "s") return { value: { kind: "enum", value: "strict" } };
      diag.fatal(`Unknown 8-bit mode ${m ?? ""}`, 64);
      return null;
    }
    case "AliasFile": {
      const specs = parseAliasSpecs(val.length === 0 ? "aliases" : val, diag);
      return { value: { kind: "aliasFiles", specs } };
    }
    case "AliasWait":
      return { value: { kind: "duration", seconds: val.length === 0 ? 300 : convtime(val, "m", diag) } };
    case "BlankSub":
      return { value: { kind: "char", value: val.length === 0 ? " " : val[0]! } };
    case "MinFreeBlocks": {
      const slash = val.indexOf("/");
      return {
        value: {
          kind: "minFreeBlocks",
          minFreeBlocks: atoi(slash < 0 ? val : val.slice(0, slash)),
          maxMessageSize: slash < 0 ? null : atoi(val.slice(slash + 1)),
        },
      };
    }
    case "CheckpointInterval":
    case "MaxHopCount":
    case "LogLevel":
    case "QueueFactor":
    case "QueueLA":
    case "RefuseLA":
    case "RecipientFactor":
    case "ClassFactor":
    case "RetryFactor":
    case "MaxQueueRunSize":
    case "MaxDaemonChildren":
    case "ConnectionRateThrottle":
    case "MaxRecipientsPerMessage":
    case "MaxAliasRecursion":
    case "BadRcptThrottle":
    case "MaxQueueChildren":
    case "MaxRunnersPerQueue":
    case "NiceQueueRun":
    case "AuthMaxBits":
    case "DelayLA":
    case "FastSplit":
    case "MaxNOOPCommands":
    case "BadRcptShutdown":
    case "BadRcptShutdownGood":
      return int();
    case "ConnectionCacheSize":
      return { value: { kind: "integer", value: Math.max(0, atoi(val)) } };
    case "MaxMessageSize":
      return { value: { kind: "size", value: atoi(val), unit: "bytes" } };
    case "DataFileBufferSize":
    case "XscriptFileBufferSize":
      return { value: { kind: "size", value: atoi(val), unit: "bytes" } };
    case "SharedMemoryKey":
      return int();
    case "DeliveryMode": {
      if (val.length === 0) return { value: { kind: "enum", value: "interactive" } };
      const names: Record<string, string> = { q: "queue", d: "deferred", i: "interactive", b: "background" };
      const v = names[val[0]!];
      if (v === undefined) {
        diag.fatal(`Unknown delivery mode ${val[0]}`, 64);
        return null;
      }
      return { value: { kind: "enum", value: v } };
    }
    case "ErrorHeader":
      return val.length > 0 ? str() : null;
    case "ErrorMode": {
      const names: Record<string, string> = { q: "quiet", m: "mail", e: "berknet", w: "write", p: "print" };
      const v = names[val[0] ?? ""];
      return v === undefined ? null : { value: { kind: "enum", value: v } };
    }
    case "TempFileMode":
    case "QueueFileMode":
      return { value: { kind: "octal", value: atooct(val) & 0o777 } };
    case "g": {
      const gid = groupValue(val, "g", ctx);
      return gid === undefined ? null : { value: { kind: "user", user: "", uid: null, group: val, gid } };
    }
    case "HelpFile":
      return str(val.length === 0 ? "helpfile" : val);
    case "ResolverOptions": {
      const items: { name: string; set: boolean }[] = [];
      let i = 0;
      for (;;) {
        while (val[i] === " ") i++;
        if (i >= val.length) break;
        let set = true;
        if (val[i] === "-") {
          set = false;
          i++;
        } else if (val[i] === "+") i++;
        const start = i;
        while (i < val.length && !isSpace(val.charCodeAt(i))) i++;
        const w = val.slice(start, i);
        if (i < val.length) i++;
        const lw = lowerAscii(w);
        if (lw === "haswildcardmx" || lw === "workaroundbrokenaaaa") {
          items.push({ name: w, set });
          continue;
        }
        if (!RESOLVER_FLAGS.includes(lw)) diag.syserr(`readcf: I option value ${w} unrecognized`);
        else items.push({ name: lw, set });
      }
      return { value: { kind: "resolver", items } };
    }
    case "ForwardPath":
    case "PostmasterCopy":
    case "TimeZoneSpec":
    case "UserDatabaseSpec":
    case "HostsFile":
    case "ServiceSwitchFile":
    case "DoubleBounceAddress":
    case "PidFile":
    case "DeadLetterDrop":
    case "ControlSocketName":
    case "ProcessTitlePrefix":
    case "DefaultAuthInfo":
    case "LDAPDefaultSpec":
    case "RandFile":
    case "MailboxDatabase":
    case "HeloName":
    case "SSLEngine":
      return str();
    case "ConnectionCacheTimeout":
    case "MinQueueAge":
    case "MaxQueueAge":
      return dur("m");
    case "DialDelay":
    case "DeliverByMin":
    case "ConnectionRateWindowSize":
      return dur("s");
    case "RejectLogInterval":
      return dur("h");
    case "M": {
      const r = macidParse(val, 0, ctx.ids, diag);
      if (r.id === 0) return null;
      const v = val.slice(r.end);
      ctx.defineMacro(r.id, v);
      return { value: { kind: "macro", name: ctx.ids.keyOf(r.id), value: v } };
    }
    case "DaemonPortOptions": {
      if (ctx.daemonCount >= 64) {
        diag.syserr("too many daemons defined (64 max)");
        return null;
      }
      const port = parsePortOptions(val, "daemon", ctx);
      ctx.daemonCount++;
      return { value: { kind: "portOptions", ports: [port] } };
    }
    case "ClientPortOptions":
      return { value: { kind: "portOptions", ports: [parsePortOptions(val, "client", ctx)] } };
    case "PrivacyOptions": {
      const flags: string[] = [];
      for (const w of flagWords(val)) {
        const lw = lowerAscii(w);
        if ((PRIVACY_VALUES as readonly string[]).includes(lw)) flags.push(lw);
        else diag.syserr(`readcf: Op line: ${w} unrecognized`);
      }
      return { value: { kind: "flags", flags } };
    }
    case "DontBlameSendmail": {
      const flags: string[] = [];
      for (const w of flagWords(val)) {
        const lw = lowerAscii(w);
        if ((DONT_BLAME_SENDMAIL_VALUES as readonly string[]).includes(lw)) flags.push(lw);
        else diag.syserr(`readcf: DontBlameSendmail option: ${w} unrecognized`);
      }
      return { value: { kind: "flags", flags } };
    }
    case "QueueDirectory":
      return str(val.length === 0 ? "mqueue" : val);
    case "Timeout": {
      const timeouts = subopt === null ? inittimeouts(val, diag) : [settimeout(subopt, val, diag)].filter((x) => x !== null);
      return { value: { kind: "timeouts", values: timeouts }, timeouts };
    }
    case "StatusFile":
      return str(val.length === 0 ? "statistics" : val);
    case "SuperSafe": {
      const c = lowerAscii(val[0] ?? "");
      if (c === "i") return { value: { kind: "enum", value: "interactive" } };
      if (c === "p") return { value: { kind: "enum", value: "postmilter" } };
      return { value: { kind: "enum", value: atobool(val) ? "true" : "false" } };
    }
    case "QueueTimeout": {
      const slash = val.indexOf("/");
      const timeouts: CfTimeoutSetting[] = [];
      if (slash >= 0) {
        const w = settimeout("queuewarn", val.slice(slash + 1), diag);
        if (w !== null) timeouts.push(w);
      }
      const r = settimeout("queuereturn", slash >= 0 ? val.slice(0, slash) : val, diag);
      if (r !== null) timeouts.push(r);
      return { value: { kind: "timeouts", values: timeouts }, timeouts };
    }
    case "DefaultUser":
      return userOption(val, "u", ctx);
    case "RunAsUser":
      return userOption(val, "RunAsUser", ctx);
    case "FallbackMXhost":
    case "FallbackSmartHost":
    case "HostStatusDirectory":
      return val.length > 0 ? str() : null;
    case "QueueSortOrder": {
      const names: Record<string, string> = {
        f: "filename",
        h: "host",
        m: "modification",
        p: "priority",
        t: "time",
        r: "random",
        s: "shuffle",
        n: "none",
      };
      const v = names[lowerAscii(val[0] ?? "")];
      if (v === undefined) {
        diag.syserr(`Invalid queue sort order "${val}"`);
        return null;
      }
      return { value: { kind: "enum", value: v } };
    }
    case "DefaultCharSet":
      return str(val.replace(/\n/g, " "));
    case "NoRecipientAction": {
      const lv = lowerAscii(val);
      if (["none", "add-to", "add-apparently-to", "add-bcc", "add-to-undisclosed"].includes(lv)) {
        return { value: { kind: "enum", value: lv } };
      }
      diag.syserr(`Invalid NoRecipientAction: ${val}`);
      return null;
    }
    case "SafeFileEnvironment": {
      if (val.length === 0) return null;
      const v = val.replace(/\/+$/, "");
      return v.length === 0 ? null : str(v);
    }
    case "MustQuoteChars": {
      if (val.length < 40) return str("@,;:\\()[]" + val);
      diag.warning("Warning: MustQuoteChars too long, ignored.");
      return str("@,;:\\()[]");
    }
    case "SmtpGreetingMessage":
    case "UnixFromLine":
      return str(munchString(val, 0, 0).value);
    case "OperatorChars":
      if (ctx.operatorCharsSet) {
        diag.warning("Warning: OperatorChars is being redefined.\n         It should only be set before ruleset definitions.");
      }
      ctx.operatorCharsSet = true;
      return str(munchString(val, 0, 0).value);
    case "DontProbeInterfaces":
      if (lowerAscii(val) === "loopback") return { value: { kind: "enum", value: "loopback" } };
      return { value: { kind: "enum", value: atobool(val) ? "true" : "false" } };
    case "ConnectOnlyTo": {
      let v = val;
      let port: number | null = null;
      const at = v.indexOf("@");
      if (at >= 0) {
        const ps = v.slice(0, at);
        port = strtol(ps, 0, 0).value;
        if (port > 0xffff) {
          diag.syserr(`readcf: option ConnectOnlyTo: invalid port ${ps}`);
          return null;
        }
        v = v.slice(at + 1);
      }
      if (isIPv6Literal(v)) return { value: { kind: "connectOnlyTo", address: v, family: "inet6", port: port || null } };
      if (inetAddr(v) !== null) return { value: { kind: "connectOnlyTo", address: v, family: "inet", port: port || null } };
      diag.syserr(`readcf: option ConnectOnlyTo: invalid IP address ${v}`);
      return null;
    }
    case "TrustedUser": {
      if (isDigit(val.charCodeAt(0))) {
        const uid = atoi(val);
        if (uid > UID_MAX) {
          diag.syserr(`readcf: option TrustedUser: uid value (${uid}) > UID_MAX (${UID_MAX})`);
          return null;
        }
        return { value: { kind: "user", user: val, uid, group: null, gid: null } };
      }
      const pw = ctx.db.user(val);
      if (pw === null) {
        diag.syserr(`readcf: option TrustedUser: unknown user ${val}`);
        return null;
      }
      return { value: { kind: "user", user: val, uid: pw.uid, group: null, gid: null } };
    }
    case "MaxMimeHeaderLength": {
      const slash = val.indexOf("/");
      let header = atoi(slash < 0 ? val : val.slice(0, slash));
      const fieldText = slash < 0 ? "" : val.slice(slash + 1);
      let field = fieldText.length > 0 ? atoi(fieldText) : Math.trunc(header / 2);
      if (header <= 0) header = 0;
      else if (header < 128) diag.warning("Warning: MaxMimeHeaderLength: header length limit set lower than 128");
      if (field <= 0) field = 0;
      else if (field < 40) diag.warning("Warning: MaxMimeHeaderLength: field length limit set lower than 40");
      return { value: { kind: "mimeHeaderLength", headerLength: header, fieldLength: field } };
    }
    case "MaxHeadersLength": {
      const n = atoi(val);
      if (n > 0 && n < 16384) diag.warning("Warning: MaxHeadersLength: headers length limit set lower than 16384");
      return { value: { kind: "size", value: n, unit: "bytes" } };
    }
    case "AuthMechanisms":
      return val.length === 0 ? { value: { kind: "list", items: [] } } : { value: { kind: "list", items: val.split(/\s+/).filter((w) => w.length > 0) } };
    case "AuthRealm":
      return str(val.length === 0 ? null : val);
    case "AuthOptions":
      return { value: { kind: "flags", flags: charOptions(val, "AuthOptions", "Aacdfmpy", diag) } };
    case "TLSSrvOptions":
      return { value: { kind: "flags", flags: charOptions(val, "TLSSrvOptions", "VC", diag) } };
    case "ServerCertFile":
    case "ServerKeyFile":
    case "ClientCertFile":
    case "ClientKeyFile":
    case "CACertFile":
    case "CACertPath":
    case "DHParameters":
    case "CipherList":
    case "CipherSuites":
    case "CertFingerprintAlgorithm":
    case "SSLEnginePath":
    case "CRLFile":
    case "CRLPath":
    case "SharedMemoryKeyFile":
      return expanded();
    case "ServerSSLOptions":
    case "ClientSSLOptions":
      return { value: { kind: "sslOptions", items: sslOptions(o.name, val, diag) } };
    case "InputMailFilters":
      return { value: { kind: "list", items: val.split(/[;,]/).map((s) => s.trim()).filter((s) => s.length > 0) } };
    case "Milter": {
      if (subopt === null) {
        diag.syserr("milter_set_option: invalid Milter option, must specify suboption");
        return null;
      }
      const known = MILTER_OPTIONS.find((m) => lowerAscii(m) === lowerAscii(subopt));
      if (known === undefined) {
        diag.syserr(`milter_set_option: invalid Milter option ${subopt}`);
        return null;
      }
      const value: string | number | readonly string[] =
        known === "LogLevel" ? atoi(val) : val.split(/[\s,]+/).filter((w) => w.length > 0);
      return { value: { kind: "milter", subOption: known, value } };
    }
    case "DirectSubmissionModifiers": {
      const flags = modifierFlags(val);
      ctx.defineMacro(ctx.ids.longId("daemon_flags"), flags);
      return { value: { kind: "string", value: flags } };
    }
    case "SmtpUTF8":
      if (atobool(val)) diag.syserr("readcf: option: SmtpUTF8 set but no USE_EAI support");
      else diag.warning("Warning: Option: SmtpUTF8 requires USE_EAI support");
      return null;
  }
  return str();
}

/** Options u / RunAsUser: user[:group]. */
function userOption(val: string, which: "u" | "RunAsUser", ctx: OptionContext): OptionResult {
  const diag = ctx.diag;
  const { user, group } = splitUserGroup(val);
  const label = which === "u" ? "option u" : "option RunAsUser";
  let uid: number | null;
  let gid: number | null = null;
  if (isDigit(user.charCodeAt(0))) {
    uid = atoi(user);
  } else {
    const pw = ctx.db.user(user);
    if (pw === null) {
      diag.syserr(`readcf: ${label}: unknown user ${user}`);
      return null;
    }
    uid = pw.uid;
    gid = pw.gid;
  }
  if (uid > UID_MAX) {
    diag.syserr(`readcf: ${label}: uid value (${uid}) > UID_MAX (${UID_MAX}); ignored`);
    return null;
  }
  let groupName: string | null = null;
  if (group.length > 0) {
    groupName = group;
    if (which === "u") {
      const g = groupValue(group, "u", ctx);
      if (g !== undefined) gid = g;
    } else if (isDigit(group.charCodeAt(0))) {
      gid = atoi(group);
    } else {
      const gr = ctx.db.group(group);
      if (gr === null) diag.syserr(`readcf: option RunAsUser: unknown group ${group}`);
      else gid = gr.gid;
    }
  }
  return { value: { kind: "user", user, uid, group: groupName, gid } };
}

/** Option g (and the group part of u): returns the gid, -1 for an unknown group (error reported). */
function groupValue(val: string, opt: string, ctx: OptionContext): number | undefined {
  if (isDigit(val.charCodeAt(0))) return atoi(val);
  const gr = ctx.db.group(val);
  if (gr === null) {
    ctx.diag.syserr(`readcf: option ${opt}: unknown group ${val}`);
    return -1;
  }
  return gr.gid;
}

/** AuthOptions / TLSSrvOptions: single characters separated by blanks or commas. */
function charOptions(val: string, name: string, known: string, diag: Diagnostics): string[] {
  const flags: string[] = [];
  let v: string | null = val;
  while (v !== null && v.length > 0) {
    const c = v[0]!;
    if (known.includes(c)) flags.push(c);
    else if (c !== " " && c !== "\t" && c !== ",") {
      const pc = v.charCodeAt(0);
      diag.warning(`Warning: Option: ${name} unknown parameter '${pc < 0x80 && isPrint(pc) ? c : "?"}'`);
    }
    const rest = v.slice(1);
    const m = /[, \t]/.exec(rest);
    v = m === null ? null : rest.slice(m.index + 1);
  }
  return flags;
}

/** readssloptions(). */
function sslOptions(name: string, val: string, diag: Diagnostics): { name: string; clear: boolean; known: boolean }[] {
  const items: { name: string; clear: boolean; known: boolean }[] = [];
  let i = 0;
  while (i < val.length) {
    while (val[i] === " ") i++;
    if (i >= val.length) break;
    let clear = false;
    if (val[i] === "-" || val[i] === "+") {
      clear = val[i] === "-";
      i++;
    }
    const start = i;
    while (i < val.length && !isSpace(val.charCodeAt(i)) && val[i] !== ",") i++;
    const w = val.slice(start, i);
    if (i < val.length) i++;
    if (isDigit(w.charCodeAt(0))) {
      const r = strtol(w, 0, 0);
      if (r.end === 0) {
        diag.syserr(`readcf: ${name} option value ${w} not a number`);
        items.push({ name: w, clear, known: false });
      } else items.push({ name: w, clear, known: true });
      continue;
    }
    const known = SSL_OPTION_NAMES.find((n) => lowerAscii(n) === lowerAscii(w));
    if (known === undefined) {
      diag.syserr(`readcf: ${name} option value ${w} unrecognized`);
      items.push({ name: w, clear, known: false });
    } else items.push({ name: known, clear, known: true });
  }
  return items;
}

/** Map classes that can hold aliases (MCF_ALIASOK) in this build. */
export const ALIAS_MAP_CLASSES = [
  "hash",
  "btree",
  "nis",
  "nisplus",
  "ldap",
  "text",
  "stab",
  "implicit",
  "program",
  "sequence",
  "switch",
  "null",
  "socket",
];

/** setalias(): "class:info, info, ..." */
function parseAliasSpecs(val: string, diag: Diagnostics): { mapClass: string; spec: string }[] {
  const out: { mapClass: string; spec: string }[] = [];
  let p: string | null = val;
  while (p !== null) {
    let k = 0;
    while (k < p.length && isSpace(p.charCodeAt(k))) k++;
    if (k >= p.length) break;
    let spec: string = p.slice(k);
    let mapClass = "implicit";
    const m = /[ ,/:]/.exec(spec);
    let restStart = m === null ? -1 : m.index;
    if (m !== null && m[0] === ":") {
      mapClass = spec.slice(0, m.index);
      spec = spec.slice(m.index + 1);
      restStart = 0;
    }
    let next: string | null = null;
    if (restStart >= 0) {
      let quoted = false;
      let j = restStart;
      for (; j < spec.length; j++) {
        if (spec[j] === '"') quoted = !quoted;
        else if (spec[j] === "," && !quoted) break;
      }
      if (j < spec.length) {
        next = spec.slice(j + 1);
        spec = spec.slice(0, j);
      }
    }
    if (!isKnownMapClass(mapClass)) diag.syserr(`setalias: unknown alias class ${mapClass}`);
    else if (!ALIAS_MAP_CLASSES.includes(mapClass)) diag.syserr(`setalias: map class ${mapClass} can't handle aliases`);
    else out.push({ mapClass, spec });
    p = next;
  }
  return out;
}

/** Map classes compiled into Debian's sendmail 8.17. */
export const MAP_CLASSES: ReadonlyMap<string, { readonly parser: "generic" | "dequote" | "special"; readonly optionalFile: boolean }> =
  new Map([
    ["hash", { parser: "generic", optionalFile: false }],
    ["btree", { parser: "generic", optionalFile: false }],
    ["nis", { parser: "generic", optionalFile: false }],
    ["nisplus", { parser: "generic", optionalFile: false }],
    ["ldap", { parser: "special", optionalFile: true }],
    ["dns", { parser: "special", optionalFile: true }],
    ["bestmx", { parser: "generic", optionalFile: true }],
    ["host", { parser: "special", optionalFile: true }],
    ["text", { parser: "generic", optionalFile: false }],
    ["stab", { parser: "generic", optionalFile: false }],
    ["implicit", { parser: "generic", optionalFile: false }],
    ["user", { parser: "generic", optionalFile: true }],
    ["dequote", { parser: "dequote", optionalFile: true }],
    ["regex", { parser: "special", optionalFile: true }],
    ["userdb", { parser: "generic", optionalFile: false }],
    ["program", { parser: "generic", optionalFile: false }],
    ["sequence", { parser: "special", optionalFile: true }],
    ["switch", { parser: "generic", optionalFile: false }],
    ["null", { parser: "generic", optionalFile: true }],
    ["syslog", { parser: "special", optionalFile: true }],
    ["macro", { parser: "dequote", optionalFile: true }],
    ["arith", { parser: "dequote", optionalFile: true }],
    ["arpa", { parser: "dequote", optionalFile: true }],
    ["socket", { parser: "generic", optionalFile: false }],
  ]);

export function isKnownMapClass(name: string): boolean {
  return MAP_CLASSES.has(lowerAscii(name));
}
