/*
 * classes - class membership (C, F and T lines) as sendmail's symbol table
 * keeps it: words are case-insensitive and remember the spelling they were
 * first entered with; "$=X" in a C line copies class X. F lines read files
 * (scanf format per line), programs ("|cmd") and maps ("key@class:spec").
 */

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { isSpace, lowerAscii, MATCHCLASS } from "./chars.js";
import { ERRNO_TEXT, type Diagnostics } from "./diag.js";
import { macidParse, type MacroIds } from "./macros.js";
import type { CfClass } from "./model.js";

/** The ST_CLASS part of sendmail's symbol table. */
export class ClassTable {
  /** Lower-cased word -> spelling first entered. */
  private readonly spelling = new Map<string, string>();
  /** Class id -> lower-cased words in insertion order. */
  private readonly members = new Map<number, Set<string>>();

  /** setclass(): add a word; a word starting with MATCHCLASS copies that class. */
  add(cls: number, word: string, ids: MacroIds, diag: Diagnostics | null): string[] {
    if (word.charCodeAt(0) === MATCHCLASS) {
      const r = macidParse(word, 1, ids, diag);
      if (r.id === 0) return [];
      return this.copy(r.id, cls);
    }
    const lw = lowerAscii(word);
    if (!this.spelling.has(lw)) this.spelling.set(lw, word);
    let set = this.members.get(cls);
    if (set === undefined) {
      set = new Set();
      this.members.set(cls, set);
    }
    set.add(lw);
    return [word];
  }

  /** copy_class(). */
  copy(src: number, dst: number): string[] {
    const from = this.members.get(src);
    if (from === undefined) return [];
    let set = this.members.get(dst);
    if (set === undefined) {
      set = new Set();
      this.members.set(dst, set);
    }
    const added: string[] = [];
    for (const w of from) {
      set.add(w);
      added.push(this.spelling.get(w)!);
    }
    return added;
  }

  has(cls: number, word: string): boolean {
    return this.members.get(cls)?.has(lowerAscii(word)) ?? false;
  }

  /** Frozen class objects keyed by class name. */
  result(ids: MacroIds): Map<string, CfClass> {
    const out = new Map<string, CfClass>();
    for (const [id, set] of this.members) {
      const name = ids.keyOf(id);
      out.set(name, {
        name,
        id,
        words: [...set].map((w) => this.spelling.get(w)!),
        members: set,
      });
    }
    return out;
  }
}

/** parse_class_words(): split on white space. */
export function classWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(line.charCodeAt(i))) i++;
    words.push(line.slice(start, i));
  }
  return words;
}

/**
 * sscanf(line, fmt, wordbuf) for the formats F lines use: returns the
 * string stored by the one conversion, or null unless exactly one
 * conversion was assigned. Supports %s, %[set], %c, %d/%u/%i/%o/%x, %%,
 * "*" (no assignment), field widths and literal text.
 */
export function scanfOne(input: string, fmt: string): string | null {
  let i = 0;
  let f = 0;
  let count = 0;
  let word: string | null = null;
  const n = input.length;
  const isWs = (c: number): boolean => isSpace(c);
  while (f < fmt.length) {
    const fc = fmt.charCodeAt(f);
    if (isWs(fc)) {
      while (f < fmt.length && isWs(fmt.charCodeAt(f))) f++;
      while (i < n && isWs(input.charCodeAt(i))) i++;
      continue;
    }
    if (fc !== 0x25) {
      if (i >= n || input.charCodeAt(i) !== fc) break;
      i++;
      f++;
      continue;
    }
    f++;
    if (fmt[f] === "%") {
      while (i < n && isWs(input.charCodeAt(i))) i++;
      if (input[i] !== "%") break;
      i++;
      f++;
      continue;
    }
    let suppress = false;
    if (fmt[f] === "*") {
      suppress = true;
      f++;
    }
    let width = 0;
    while (f < fmt.length && fmt.charCodeAt(f) >= 0x30 && fmt.charCodeAt(f) <= 0x39) {
      width = width * 10 + (fmt.charCodeAt(f) - 0x30);
      f++;
    }
    while (f < fmt.length && "hlLqjzt".includes(fmt[f]!)) f++;
    const conv = fmt[f++];
    if (conv === undefined) break;
    let got: string | null = null;
    if (conv === "s") {
      while (i < n && isWs(input.charCodeAt(i))) i++;
      const start = i;
      while (i < n && !isWs(input.charCodeAt(i)) && (width === 0 || i - start < width)) i++;
      if (i === start) break;
      got = input.slice(start, i);
    } else if (conv === "[") {
      let negate = false;
      if (fmt[f] === "^") {
        negate = true;
        f++;
      }
      const set = new Set<number>();
      let first = true;
      while (f < fmt.length && (fmt[f] !== "]" || first)) {
        const a = fmt.charCodeAt(f);
        if (fmt[f + 1] === "-" && f + 2 < fmt.length && fmt[f + 2] !== "]") {
          const b = fmt.charCodeAt(f + 2);
          for (let c = a; c <= b; c++) set.add(c);
          f += 3;
        } else {
          set.add(a);
          f++;
        }
        first = false;
      }
      f++; // ']'
      const start = i;
      while (i < n && set.has(input.charCodeAt(i)) !== negate && (width === 0 || i - start < width)) i++;
      if (i === start) break;
      got = input.slice(start, i);
    } else if (conv === "c") {
      const w = width === 0 ? 1 : width;
      if (i + w > n) break;
      got = input.slice(i, i + w);
      i += w;
    } else if ("duiox".includes(conv)) {
      while (i < n && isWs(input.charCodeAt(i))) i++;
      const m = /^[+-]?(0x)?[0-9a-fA-F]+/.exec(input.slice(i, width === 0 ? undefined : i + width));
      if (m === null) break;
      got = m[0];
      i += m[0].length;
    } else {
      break;
    }
    if (!suppress) {
      count++;
      if (word === null) word = got;
    }
  }
  return count === 1 ? word : null;
}

/** Lines as sm_io_fgets() with a MAXLINE buffer returns them. */
function fgetsLines(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf("\n", i);
    nl = nl < 0 ? text.length : nl + 1;
    for (let j = i; j < nl; j += 2047) out.push(text.slice(j, Math.min(nl, j + 2047)));
    i = nl;
  }
  return out;
}

/** Words an F line adds from file/program text (lines starting with '#' skipped). */
export function wordsFromText(text: string, fmt: string): string[] {
  const words: string[] = [];
  for (const line of fgetsLines(text)) {
    if (line[0] === "#") continue;
    const w = scanfOne(line, fmt);
    if (w === null) continue;
    for (const x of classWords(w)) words.push(x);
  }
  return words;
}

/** Read a class file; returns the text or reports like fileclass() ("cannot open"). */
export function readClassFile(path: string, optional: boolean, diag: Diagnostics): string | null {
  let errText: string | null = null;
  try {
    const st = statSync(path);
    if (!st.isFile()) errText = ERRNO_TEXT.REGONLY;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    errText = code === "EACCES" ? ERRNO_TEXT.EACCES : code === "ENOTDIR" ? ERRNO_TEXT.ENOTDIR : ERRNO_TEXT.ENOENT;
  }
  if (errText === null) {
    try {
      return readFileSync(path, "latin1");
    } catch (e) {
      errText = (e as NodeJS.ErrnoException).code === "EACCES" ? ERRNO_TEXT.EACCES : ERRNO_TEXT.ENOENT;
    }
  }
  if (!optional) diag.syserr(`fileclass: cannot open '${path}'`, errText);
  return null;
}

/** Run an F|program class source; null if it could not be run. */
export function runClassProgram(argv: string[]): string | null {
  if (argv.length === 0) return null;
  try {
    return execFileSync(argv[0]!, argv.slice(1), {
      encoding: "latin1",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30_000,
    });
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    return typeof out === "string" ? out : null;
  }
}

/** Whether a hash/btree map file exists (for F{X}@hash:file). */
export function dbMapFileExists(file: string): boolean {
  return existsSync(file.endsWith(".db") ? file : file + ".db");
}
