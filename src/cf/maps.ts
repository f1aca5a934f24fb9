/*
 * maps - K lines (makemapentry): "Kname class args". Arguments are kept as
 * an argv; classes using the generic map_parseargs() (and dequote_init())
 * are parsed and checked like sendmail does, sequence maps check their
 * members. Opening maps is left to the engine.
 */

import { isAlnum, isSpace, lowerAscii } from "./chars.js";
import type { Diagnostics } from "./diag.js";
import type { CfMap, CfMapArgs } from "./model.js";
import { convtime, MAP_CLASSES } from "./options.js";

export type MutableMap = { -readonly [K in keyof CfMap]: CfMap[K] };

/** Split map arguments into words; quoted strings (for ldap filters) stay one word without the quotes. */
export function splitMapArgs(args: string, quotes: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  const n = args.length;
  while (i < n) {
    while (i < n && isSpace(args.charCodeAt(i))) i++;
    if (i >= n) break;
    let w = "";
    while (i < n && !isSpace(args.charCodeAt(i))) {
      if (quotes && args[i] === '"') {
        i++;
        while (i < n && args[i] !== '"') w += args[i++];
        i++;
      } else w += args[i++];
    }
    out.push(w);
  }
  return out;
}

/** map_parseargs() for one map; returns null and reports on error. */
export function mapParseArgs(
  mapName: string,
  mapClass: string,
  ap: string,
  optionalFile: boolean,
  diag: Diagnostics,
): { args: CfMapArgs; ok: boolean } {
  let p = 0;
  const n = ap.length;
  let flags = "";
  let app: string | null = null;
  let tapp: string | null = null;
  let keycol: string | null = null;
  let valcol: string | null = null;
  let coldelim: string | null = null;
  let spacesub: string | null = null;
  let timeout: number | null = null;
  const word = (from: number): string => {
    let e = from;
    while (e < n && !isSpace(ap.charCodeAt(e))) e++;
    return ap.slice(from, e);
  };
  for (;;) {
    while (p < n && isSpace(ap.charCodeAt(p))) p++;
    if (ap[p] !== "-") break;
    p++;
    const c = ap[p] ?? "";
    switch (c) {
      case "A":
      case "D":
      case "f":
      case "m":
      case "N":
      case "O":
      case "o":
      case "q":
      case "t":
        if (!flags.includes(c)) flags += c;
        break;
      case "a":
        app = word(p + 1);
        break;
      case "d":
        timeout = convtime(word(p + 1), "s", diag);
        break;
      case "k": {
        let q = p + 1;
        while (q < n && isSpace(ap.charCodeAt(q))) q++;
        keycol = word(q);
        p = q - 1;
        break;
      }
      case "v": {
        let q = p + 1;
        while (q < n && isSpace(ap.charCodeAt(q))) q++;
        valcol = word(q);
        p = q - 1;
        break;
      }
      case "S":
        spacesub = ap[p + 1] ?? "";
        break;
      case "T":
        tapp = word(p + 1);
        break;
      case "z":
        if (ap[p + 1] !== "\\") coldelim = ap[p + 1] ?? "";
        else coldelim = ap[p + 2] === "n" ? "\n" : ap[p + 2] === "t" ? "\t" : "\\";
        break;
      default:
        diag.syserr(`Illegal option ${c} map ${mapName}`);
    }
    // skip to the end of this word (the value of -k/-v ends there too)
    if (c === "k" || c === "v") {
      let q = p + 1;
      while (q < n && isSpace(ap.charCodeAt(q))) q++;
      p = q;
    }
    while (p < n && !isSpace(ap.charCodeAt(p))) p++;
    if (p < n) p++;
  }
  let file: string | null = null;
  if (p < n) {
    file = word(p);
    p += file.length;
    if (p < n) p++;
  }
  while (p < n && isSpace(ap.charCodeAt(p))) p++;
  const rebuild = p < n ? ap.slice(p) : null;
  const args: CfMapArgs = {
    flags,
    append: app,
    tempfailAppend: tapp,
    keyColumn: keycol,
    valueColumn: valcol,
    columnDelimiter: coldelim,
    spaceSub: spacesub,
    timeout,
    file,
    rebuild,
  };
  if (file === null && !optionalFile) {
    diag.syserr(`No file name for ${mapClass} map ${mapName}`);
    return { args, ok: false };
  }
  return { args, ok: true };
}

/** dequote_init(): -a, -D, -S/-s; other flags ignored. */
function dequoteInit(ap: string): CfMapArgs {
  let p = 0;
  const n = ap.length;
  let flags = "";
  let app: string | null = null;
  let spacesub: string | null = null;
  for (;;) {
    while (p < n && isSpace(ap.charCodeAt(p))) p++;
    if (ap[p] !== "-") break;
    p++;
    const c = ap[p] ?? "";
    if (c === "a") {
      let e = p + 1;
      while (e < n && !isSpace(ap.charCodeAt(e))) e++;
      app = ap.slice(p + 1, e);
    } else if (c === "D") flags += "D";
    else if (c === "S" || c === "s") spacesub = ap[p + 1] ?? "";
    while (p < n && !isSpace(ap.charCodeAt(p))) p++;
  }
  return {
    flags,
    append: app,
    tempfailAppend: null,
    keyColumn: null,
    valueColumn: null,
    columnDelimiter: null,
    spaceSub: spacesub,
    timeout: null,
    file: null,
    rebuild: null,
  };
}

export class MapTable {
  readonly list: MutableMap[] = [];
  private readonly byName = new Map<string, number>();
  /** LDAPDefaultSpec supplies a filter for ldap maps without -k. */
  ldapDefaultHasFilter = false;

  has(name: string): boolean {
    return this.byName.has(lowerAscii(name));
  }

  /** makemapentry(): line is the expanded text after 'K'. */
  define(line: string, lineNumber: number | null, diag: Diagnostics, builtin = false): void {
    let p = 0;
    const n = line.length;
    while (p < n && isSpace(line.charCodeAt(p))) p++;
    if (!(p < n && isAlnum(line.charCodeAt(p)))) {
      diag.syserr("readcf: config K line: no map name");
      return;
    }
    const nameStart = p;
    p++;
    while (p < n && (isAlnum(line.charCodeAt(p)) || line[p] === "_" || line[p] === ".")) p++;
    const mapName = line.slice(nameStart, p);
    if (p < n) p++;
    while (p < n && isSpace(line.charCodeAt(p))) p++;
    if (!(p < n && isAlnum(line.charCodeAt(p)))) {
      diag.syserr(`readcf: config K line, map ${mapName}: no map class`);
      return;
    }
    const classStart = p;
    p++;
    while (p < n && isAlnum(line.charCodeAt(p))) p++;
    const className = line.slice(classStart, p);
    if (p < n) p++;
    while (p < n && isSpace(line.charCodeAt(p))) p++;
    const args = line.slice(p);
    const info = MAP_CLASSES.get(lowerAscii(className));
    if (info === undefined) {
      diag.syserr(`readcf: map ${mapName}: class ${className} not available`);
      return;
    }
    const mapClass = lowerAscii(className);
    let parsed: CfMapArgs | null = null;
    let valid = true;
    if (info.parser === "generic") {
      const r = mapParseArgs(mapName, mapClass, args, info.optionalFile, diag);
      parsed = r.args;
      valid = r.ok;
    } else if (info.parser === "dequote") {
      parsed = dequoteInit(args);
    } else if (mapClass === "sequence") {
      for (const member of args.split(/[^A-Za-z0-9_.]+/)) {
        if (member.length === 0) continue;
        if (!this.has(member)) diag.syserr(`Sequence map ${mapName}: unknown member map ${member}`);
      }
    } else if (mapClass === "ldap") {
      const words = splitMapArgs(args, true);
      if (!words.some((w) => w.startsWith("-k")) && !this.ldapDefaultHasFilter) {
        diag.syserr(`No filter given in map ${mapName}`);
        valid = false;
      }
    }
    const map: MutableMap = {
      name: mapName,
      mapClass,
      argv: splitMapArgs(args, mapClass === "ldap"),
      args,
      parsed,
      valid,
      builtin,
      line: lineNumber,
    };
    const existing = this.byName.get(lowerAscii(mapName));
    if (existing !== undefined) this.list[existing] = map;
    else {
      this.byName.set(lowerAscii(mapName), this.list.length);
      this.list.push(map);
    }
  }
}
