/*
 * model - the typed, immutable in-memory form of a loaded sendmail.cf.
 *
 * Strings that come from the configuration file are "byte strings" (one
 * char code 0..255 per file octet, see chars.ts). Rule tokens, macro values,
 * header templates and mailer argv words are kept in sendmail's internal
 * form: "$x" is the octet 0201 followed by the macro id, "$*" is 0220 and so
 * on, and a long macro/class name ({name}) is represented by a one-octet id
 * (see CfModel.macroIds). render.ts prints them the way sendmail does.
 */

/** A string holding one octet per char code (0..255), possibly with sendmail meta octets. */
export type ByteString = string;

/* sysexits.h */
export const EX_OK = 0;
export const EX_USAGE = 64;
export const EX_DATAERR = 65;
export const EX_NOINPUT = 66;
export const EX_NOUSER = 67;
export const EX_NOHOST = 68;
export const EX_UNAVAILABLE = 69;
export const EX_SOFTWARE = 70;
export const EX_OSERR = 71;
export const EX_OSFILE = 72;
export const EX_CANTCREAT = 73;
export const EX_IOERR = 74;
export const EX_TEMPFAIL = 75;
export const EX_PROTOCOL = 76;
export const EX_NOPERM = 77;
export const EX_CONFIG = 78;

/**
 * One diagnostic, worded exactly as sendmail 8.17 prints it.
 *
 *  - "error": syserr(); sets sendmail's exit status (EX_SOFTWARE, or EX_OSERR
 *    when an errno text is appended) unless it is already set.
 *  - "usererror": usrerr() (e.g. "Invalid time unit"); counted as an error but
 *    does not set the exit status.
 *  - "warning": printed directly on stdout, without "file: line N: ".
 *  - "notice": message() text (e.g. "Option X used as abbreviation for Y").
 */
export interface CfError {
  readonly severity: "error" | "usererror" | "warning" | "notice";
  /** The cf file name as sendmail prints it (null for messages without location). */
  readonly file: string | null;
  /** sendmail's LineNumber: the last physical line of the (folded) logical line. */
  readonly line: number | null;
  /** Message text without the "file: line N: " prefix. */
  readonly message: string;
  /** The complete line(s) sendmail prints, without the final newline. */
  readonly text: string;
  /** The exit status this diagnostic gives sendmail (EX_*), or null if none. */
  readonly exitStatus: number | null;
  /** True if sendmail stops right there (finis()). */
  readonly fatal: boolean;
}

/** A macro definition (D line, option M, or predefined before the cf is read). */
export interface CfMacro {
  /** One-character name, or the long name without braces. */
  readonly name: string;
  /** Internal id (char code for one-character names, 0xa0.. for long names). */
  readonly id: number;
  /** Value in internal form, not expanded (as sendmail stores it). */
  readonly value: ByteString;
  /** Line of the defining D (or O M) line; null for predefined macros. */
  readonly line: number | null;
  readonly source: "cf" | "option" | "predefined";
}

/** How members got into a class. */
export type CfClassSource =
  | { readonly kind: "words"; readonly words: readonly string[] }
  | { readonly kind: "trusted"; readonly words: readonly string[] }
  | {
      readonly kind: "file";
      readonly path: ByteString;
      readonly optional: boolean;
      /** scanf(3) format applied to each line ("%s" if none given). */
      readonly format: ByteString;
      /** Words added by this line. */
      readonly words: readonly string[];
      readonly loaded: boolean;
    }
  | {
      readonly kind: "program";
      readonly command: ByteString;
      readonly argv: readonly string[];
      readonly optional: boolean;
      readonly words: readonly string[];
      /** False when the program was not run (LoadOptions.runClassPrograms unset). */
      readonly ran: boolean;
    }
  | {
      readonly kind: "map";
      /** Lookup key (may be empty). */
      readonly key: string;
      readonly mapClass: string;
      readonly spec: ByteString;
      readonly optional: boolean;
      /** Members cannot be filled in by the loader (the map is not opened). */
      readonly words: readonly string[];
      readonly loaded: boolean;
    };

/** One C, F or T line. */
export interface CfClassDefinition {
  /** Class name: one character, or the long name without braces. */
  readonly className: string;
  readonly line: number;
  readonly source: CfClassSource;
}

/** A class ($=X) with its members. Membership is case-insensitive (sendmail's symbol table). */
export interface CfClass {
  readonly name: string;
  readonly id: number;
  /** Members in insertion order, spelled as first entered into the symbol table. */
  readonly words: readonly string[];
  /** Lower-cased members, for lookups. */
  readonly members: ReadonlySet<string>;
}

/* ---------------------------------------------------------------- options */

export interface CfPortOptions {
  /** Name= (defaults "Daemon<n>" / "Client<family>"). */
  readonly name: string;
  /** Every key=value pair as written (value leading blanks removed). */
  readonly pairs: readonly { readonly key: string; readonly value: string }[];
  /** Family= as a name: "inet", "inet6", "local" (unix), or a number. */
  readonly family: "inet" | "inet6" | "local" | number;
  readonly addr: string | null;
  readonly port: number | null;
  /** Port= as written (service name or number). */
  readonly portSpec: string | null;
  /** Modifier= characters. */
  readonly modifiers: string;
  /** The modifier string as ${daemon_flags} shows it ("CC f"). */
  readonly modifierFlags: string;
  readonly listenQueue: number | null;
  readonly sendBufferSize: number | null;
  readonly receiveBufferSize: number | null;
  readonly inputMailFilters: string | null;
  readonly deliveryMode: string | null;
  readonly children: number | null;
  readonly refuseLA: number | null;
  readonly queueLA: number | null;
  readonly delayLA: number | null;
}

export interface CfTimeoutSetting {
  /** Lower-cased timeout name ("queuereturn.normal", "mail", ...). */
  readonly name: string;
  /** Seconds (resolver.retry*: a count). */
  readonly value: number;
}

/** Typed value of one option setting. */
export type CfOptionValue =
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "integer"; readonly value: number }
  | { readonly kind: "size"; readonly value: number; readonly unit: "bytes" | "blocks" }
  /** Seconds; -1 means "now" (convtime's NOW). */
  | { readonly kind: "duration"; readonly seconds: number }
  | { readonly kind: "octal"; readonly value: number }
  | { readonly kind: "string"; readonly value: ByteString | null }
  | { readonly kind: "char"; readonly value: string }
  | { readonly kind: "enum"; readonly value: string }
  | { readonly kind: "flags"; readonly flags: readonly string[] }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "resolver"; readonly items: readonly { readonly name: string; readonly set: boolean }[] }
  | {
      readonly kind: "sslOptions";
      readonly items: readonly { readonly name: string; readonly clear: boolean; readonly known: boolean }[];
    }
  | { readonly kind: "portOptions"; readonly ports: readonly CfPortOptions[] }
  | { readonly kind: "aliasFiles"; readonly specs: readonly { readonly mapClass: string; readonly spec: string }[] }
  | { readonly kind: "timeouts"; readonly values: readonly CfTimeoutSetting[] }
  | {
      readonly kind: "user";
      readonly user: string;
      readonly uid: number | null;
      readonly group: string | null;
      readonly gid: number | null;
    }
  | { readonly kind: "minFreeBlocks"; readonly minFreeBlocks: number; readonly maxMessageSize: number | null }
  | { readonly kind: "mimeHeaderLength"; readonly headerLength: number; readonly fieldLength: number }
  | { readonly kind: "connectOnlyTo"; readonly address: string; readonly family: "inet" | "inet6"; readonly port: number | null }
  | { readonly kind: "macro"; readonly name: string; readonly value: ByteString }
  | { readonly kind: "milter"; readonly subOption: string; readonly value: string | number | readonly string[] };

/** One O line (or option set elsewhere). */
export interface CfOption {
  /** Long option name ("" for the nameless g and M options). */
  readonly name: string;
  /** One-character name, if the option has one. */
  readonly shortName: string | null;
  /** The name as written if it was an abbreviation (sendmail accepts unique prefixes). */
  readonly writtenName: string | null;
  /** Text after "." in the name (Timeout.xxx, Milter.xxx). */
  readonly subOption: string | null;
  /** Value as written (internal form). */
  readonly raw: ByteString;
  readonly value: CfOptionValue;
  readonly line: number;
}

/* ---------------------------------------------------------------- the rest */

export interface CfPrecedence {
  readonly name: string;
  readonly value: number;
  readonly line: number;
}

export interface CfHeader {
  /** Field name as written. */
  readonly name: string;
  /** Template in internal form (macro-expanded when the header is generated); null if a later H line superseded it. */
  readonly value: ByteString | null;
  /** ?flags?: mailer flags of which at least one must be set for the header to be added. */
  readonly mailerFlags: string;
  /** ?${macro}?: macro that must be set for the header to be added. */
  readonly macroCondition: string | null;
  /** sendmail's H_* flags of the header (from its built-in table) as names. */
  readonly headerFlags: readonly string[];
  readonly line: number;
}

/** H lines of the form "HName: $>Ruleset" (header checks). */
export interface CfHeaderCheck {
  /** Header field name ("*" for the default check). */
  readonly header: string;
  readonly ruleset: string;
  /** $>Ruleset strips comments; $>+Ruleset does not. */
  readonly stripComments: boolean;
  readonly line: number;
}

export interface CfMailer {
  /** Index in sendmail's mailer table (m_mno): "=M" prints mailers in this order. */
  readonly index: number;
  readonly name: string;
  /** True for prog, *file* and *include* as sendmail predefines them (unless redefined). */
  readonly builtin: boolean;
  readonly line: number | null;
  /** P= */
  readonly path: ByteString;
  /** F= flags, one char each, in ASCII order. */
  readonly flags: string;
  /** S= envelope/header sender ruleset numbers (0 = none). */
  readonly senderRuleset: { readonly envelope: number; readonly header: number };
  /** R= envelope/header recipient ruleset numbers (0 = none). */
  readonly recipientRuleset: { readonly envelope: number; readonly header: number };
  /** A= words (internal form: $u is "\x81u"). */
  readonly argv: readonly ByteString[];
  /** E= end of line ("\r\n" for SMTP mailers, "\n" otherwise by default). */
  readonly eol: string;
  /** M= maximum message size (0: unlimited). */
  readonly maxMessageSize: number;
  /** m= maximum messages per connection (0: unlimited). */
  readonly maxMessages: number;
  /** r= maximum recipients per envelope (default 100). */
  readonly maxRecipients: number;
  /** L= maximum line length (0: unlimited). */
  readonly lineLimit: number;
  /** N= nice increment. */
  readonly nice: number;
  /** D= working directories (colon separated path). */
  readonly directory: ByteString | null;
  /** U= uid and gid (-1: not set). */
  readonly uid: number;
  readonly gid: number;
  /** C= default charset. */
  readonly charset: string | null;
  /** T= MTA-type/address-type/diagnostic-type (null: not set). */
  readonly mtaType: string | null;
  readonly addrType: string | null;
  readonly diagType: string | null;
  /** W= wait timeout in seconds. */
  readonly wait: number;
  /** Q= queue group name. */
  readonly queueGroup: string | null;
  /** /= root directory. */
  readonly rootDirectory: ByteString | null;
  /** Every field as written: code letter and munched value. */
  readonly fields: readonly { readonly code: string; readonly value: ByteString }[];
}

export interface CfMap {
  readonly name: string;
  readonly mapClass: string;
  /** Arguments after the class, split into words (double quotes group words). */
  readonly argv: readonly string[];
  /** The argument text after the class as sendmail received it (macros expanded). */
  readonly args: string;
  /** Generic map_parseargs result for classes that use it (null otherwise). */
  readonly parsed: CfMapArgs | null;
  /** True if sendmail could parse the arguments (MF_VALID). */
  readonly valid: boolean;
  /** True for maps sendmail defines itself after reading the cf (host). */
  readonly builtin: boolean;
  readonly line: number | null;
}

export interface CfMapArgs {
  /** Single-letter flags given as -X. */
  readonly flags: string;
  readonly append: string | null;
  readonly tempfailAppend: string | null;
  readonly keyColumn: string | null;
  readonly valueColumn: string | null;
  readonly columnDelimiter: string | null;
  readonly spaceSub: string | null;
  readonly timeout: number | null;
  readonly file: string | null;
  readonly rebuild: string | null;
}

export interface CfRule {
  /** sendmail's rule line number (r_line): last physical line of the R line. */
  readonly line: number;
  /** Left hand side tokens (internal form). */
  readonly lhs: readonly ByteString[];
  /** Right hand side tokens (internal form). */
  readonly rhs: readonly ByteString[];
  /** The comment field (ignored by sendmail). */
  readonly comment: ByteString;
}

export interface CfRuleset {
  readonly number: number;
  /** sendmail's RuleSetNames[number] (the last name bound to the number), or null. */
  readonly name: string | null;
  /** All names bound to this number. */
  readonly names: readonly string[];
  readonly rules: readonly CfRule[];
  /** Line of the first S line selecting this ruleset, if any. */
  readonly line: number | null;
}

export interface CfQueueGroup {
  readonly index: number;
  readonly name: string;
  readonly builtin: boolean;
  readonly line: number | null;
  /** P= queue directory (may end in "*" for multiple directories). */
  readonly path: string | null;
  /** F= flags. */
  readonly flags: string;
  /** I= queue run interval in seconds. */
  readonly interval: number;
  /** N= nice. */
  readonly nice: number;
  /** R= maximum parallel queue runners. */
  readonly runners: number;
  /** J= maximum jobs in a work list. */
  readonly maxJobs: number;
  /** r= maximum recipients per envelope. */
  readonly maxRecipients: number;
}

export interface CfMilter {
  readonly name: string;
  readonly line: number;
  /** S= socket specification as written. */
  readonly socket: string | null;
  readonly socketFamily: "local" | "inet" | "inet6" | null;
  readonly socketAddress: string | null;
  readonly socketPort: number | null;
  /** F= flags. */
  readonly flags: string;
  /** T= timeouts in seconds. */
  readonly timeouts: {
    readonly connect: number;
    readonly send: number;
    readonly read: number;
    readonly eom: number;
  };
}

export interface CfEnvironmentVariable {
  readonly name: string;
  /** null: "Ename" without "=" (take the value from sendmail's own environment). */
  readonly value: string | null;
  readonly line: number;
}

export interface CfModel {
  readonly fileName: string;
  /** V line level (ConfigLevel); 0 if there is no V line. */
  readonly configLevel: number;
  /** Vendor code of the V line ("Berkeley"). */
  readonly vendor: string;
  /** All macros after the file was read (predefined ones included). */
  readonly macros: ReadonlyMap<string, CfMacro>;
  /** Ids given to long macro/class names ({name}); tokens refer to them. */
  readonly macroIds: ReadonlyMap<string, number>;
  readonly classes: ReadonlyMap<string, CfClass>;
  readonly classDefinitions: readonly CfClassDefinition[];
  /** Every option setting in file order. */
  readonly options: readonly CfOption[];
  /** Effective value of each option set in the cf (accumulating options merged), by long name ("g"/"M" for the nameless ones). */
  readonly optionValues: ReadonlyMap<string, CfOptionValue>;
  /** All Timeout settings (Timeout.x, Timeout=..., QueueTimeout) in order. */
  readonly timeouts: readonly CfTimeoutSetting[];
  /** DaemonPortOptions (sendmail's default Daemon0 if none). */
  readonly daemons: readonly CfPortOptions[];
  /** ClientPortOptions by family. */
  readonly clients: readonly CfPortOptions[];
  readonly precedences: readonly CfPrecedence[];
  /** T line words (also members of class t). */
  readonly trustedUsers: readonly string[];
  readonly headers: readonly CfHeader[];
  readonly headerChecks: readonly CfHeaderCheck[];
  /** sendmail's mailer table in index order (prog, *file*, *include* predefined). */
  readonly mailers: readonly CfMailer[];
  readonly maps: readonly CfMap[];
  /** Every ruleset that was selected or referenced, by number. */
  readonly rulesets: ReadonlyMap<number, CfRuleset>;
  /** Ruleset name -> number (case sensitive, as sendmail's symbol table). */
  readonly rulesetNumbers: ReadonlyMap<string, number>;
  readonly queueGroups: readonly CfQueueGroup[];
  readonly milters: readonly CfMilter[];
  readonly environment: readonly CfEnvironmentVariable[];
  /** Operator characters in effect for tokenizing (OperatorChars at the first R line, expanded). */
  readonly operatorChars: string;
  readonly errors: readonly CfError[];
  /** Exit status sendmail would have (EX_OK if no error set one). */
  readonly exitStatus: number;
}
