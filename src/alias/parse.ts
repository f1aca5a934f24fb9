/*
 * alias/parse - read an aliases(5) file the way sendmail's readaliases()
 * does.
 *
 * "name: value" entries; a line starting with a space or tab continues the
 * previous entry (the newline is dropped, the leading white space kept); a
 * "#" line or an empty line ends an entry. A line starting with white space
 * that continues nothing is an error ("Non-continuation line starts with
 * space"), reported once until the next empty line, and not at all right
 * after a comment line. The value starts after
 * the first colon and the white space following it; it is kept as written
 * (addresses, "|program", /file, :include:, \user are interpreted at
 * delivery, see expand.ts). The name goes through a simplified version of
 * sendmail's address parsing: comments and angle brackets dropped, runs of
 * white space between words become ".", a domain part must be local, the
 * result is lower-cased. Diagnostics carry sendmail's texts and the number
 * of the last line read for the entry.
 */

/** One alias as it will be stored. */
export interface AliasEntry {
  /** The name as written (for messages). */
  readonly lhs: string;
  /** The key stored in the map (lower-cased local name). */
  readonly key: string;
  /** The value as written, continuation lines joined. */
  readonly value: string;
  /** Line the entry ended on. */
  readonly line: number;
}

/** A diagnostic, without the "file: line N: " prefix. */
export interface AliasDiagnostic {
  readonly line: number;
  readonly text: string;
  /** Warnings do not make newaliases fail. */
  readonly warning: boolean;
}

/** Result of parsing a whole file. */
export interface ParsedAliases {
  readonly entries: AliasEntry[];
  readonly diagnostics: AliasDiagnostic[];
}

/** Context of the parse: which domains are this host's. */
export interface AliasParseOptions {
  /** Whether a domain (lower case) names this host; default: localhost and the host's names. */
  readonly isLocalDomain?: (domain: string) => boolean;
}

/** Longest alias name sendmail accepts in messages before cutting it short. */
const SHORT_NAME = 40;

/** Whether c is a space or a tab. */
function isBlank(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/** Split text into lines without their newlines (a last line without one counts). */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Default notion of local domains: localhost and names of this host. */
function defaultLocal(domain: string): boolean {
  return domain === "localhost" || domain === "localhost.localdomain" || domain === "[127.0.0.1]";
}

/** The LHS of a joined entry up to the first colon outside quotes. */
function lhsPart(line: string): string {
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && i + 1 < line.length) i++;
    else if (c === '"') q = !q;
    else if (c === ":" && !q) return line.slice(0, i);
  }
  return line;
}

/** Runs of white space between words outside quotes become "." (BlankSub). */
function blankSub(s: string): string {
  let out = "";
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') q = !q;
    if (!q && isBlank(c)) {
      while (i + 1 < s.length && isBlank(s[i + 1])) i++;
      out += ".";
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * The key sendmail derives from an alias name, or an error text. Comments
 * (parenthesised) and angle brackets go; words separated by white space
 * are joined with "."; quotes around a word without white space go;
 * name@domain needs a local domain.
 */
export function aliasKey(lhs: string, isLocal: (d: string) => boolean): { key: string } | { error: string } {
  let s = "";
  let depth = 0;
  let q = false;
  for (let i = 0; i < lhs.length; i++) {
    const c = lhs[i]!;
    if (q) {
      s += c;
      if (c === '"') q = false;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (depth > 0) continue;
    else if (c === '"') {
      q = true;
      s += c;
    } else if (c !== "<" && c !== ">") s += c;
  }
  s = blankSub(s.trim());
  const at = s.lastIndexOf("@");
  let local = s;
  if (at >= 0 && !s.startsWith('"')) {
    local = s.slice(0, at);
    const domain = s.slice(at + 1).toLowerCase();
    if (domain.length > 0 && !isLocal(domain)) return { error: "cannot alias non-local names" };
  }
  if (/^"[^"\s]*"$/.test(local)) local = local.slice(1, -1);
  if (local.length === 0 || local.length > 1000) return { error: "illegal alias name" };
  return { key: local.toLowerCase() };
}

/** Parse aliases file text (latin1, one char per byte). */
export function parseAliases(text: string, opts: AliasParseOptions = {}): ParsedAliases {
  const isLocal = opts.isLocalDomain ?? defaultLocal;
  const lines = splitLines(text);
  const entries: AliasEntry[] = [];
  const diagnostics: AliasDiagnostic[] = [];
  const err = (line: number, t: string, warning = false): void => {
    diagnostics.push({ line, text: t, warning });
  };
  let skipping = false;
  let i = 0;
  while (i < lines.length) {
    let line = lines[i]!;
    let lineno = ++i;
    if (line.length === 0) {
      skipping = false;
      continue;
    }
    if (line[0] === "#") {
      // white space lines after a comment are skipped silently
      skipping = true;
      continue;
    }
    if (isBlank(line[0])) {
      if (!skipping) err(lineno, "Non-continuation line starts with space");
      skipping = true;
      continue;
    }
    // continuation lines
    while (i < lines.length && isBlank(lines[i]![0])) {
      line += lines[i]!;
      lineno = ++i;
    }
    const colon = line.indexOf(":");
    if (colon < 0) {
      err(lineno, "missing colon");
      continue;
    }
    const lhs = lhsPart(line).trim();
    const k = aliasKey(lhs, isLocal);
    if ("error" in k) {
      const shown = k.error === "illegal alias name" ? (lhs.length > 0 ? lhs : line).slice(0, SHORT_NAME) : lhs;
      err(lineno, `${shown}... ${k.error}`);
      continue;
    }
    let p = colon + 1;
    while (p < line.length && isBlank(line[p])) p++;
    const value = line.slice(p);
    if (value.trim().length === 0) {
      err(lineno, `${line}... missing value for alias`);
      continue;
    }
    entries.push({ lhs, key: k.key, value, line: lineno });
  }
  return { entries, diagnostics };
}
