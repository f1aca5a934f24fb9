/*
 * trace - macro call tracing and the debug stream
 *
 * Formats "m4trace:" lines as GNU m4 1.4.19 does, under the debug flags of
 * -d / debugmode, and owns the debug stream (standard error, a file named by
 * --debugfile / debugfile, or nowhere).
 */

import { fs, path as nodePath } from "../util/node.js";
import { resolveMark, type Mark } from "./input.js";
import type { Interp } from "./interp.js";
import type { Arg } from "./symtab.js";

/** Debug flag bits, one per letter of -d. */
export const DebugFlag = {
  a: 1,
  e: 2,
  q: 4,
  t: 8,
  l: 16,
  f: 32,
  p: 64,
  c: 128,
  i: 256,
  x: 512,
} as const;

const ALL = 1023;
const DEFAULT = DebugFlag.a | DebugFlag.e | DebugFlag.q;

/** parseDebugFlags - the bits for a flag string ("" means aeq); -1 if a letter is unknown */
export function parseDebugFlags(s: string): number {
  if (s.length === 0) return DEFAULT;
  let v = 0;
  for (const ch of s) {
    if (ch === "V") v |= ALL;
    else if (Object.prototype.hasOwnProperty.call(DebugFlag, ch)) v |= DebugFlag[ch as keyof typeof DebugFlag];
    else return -1;
  }
  return v;
}

/** The tracer. */
export class Tracer {
  flags = 0;
  /** undefined: standard error; null: discarded; else a file path. */
  private file: string | null | undefined = undefined;

  constructor(private readonly m4: Interp) {}

  /** traceAll - whether every call is traced (flag t) */
  traceAll(): boolean {
    return (this.flags & DebugFlag.t) !== 0;
  }

  /** write - send text to the debug stream */
  write(text: string): void {
    if (this.file === undefined) {
      this.m4.sink.flush();
      this.m4.sink.err(text);
    } else if (this.file !== null) fs.appendFileSync(this.file, Buffer.from(text, "latin1"));
  }

  /** setFile - redirect the debug stream; false if the file cannot be opened */
  setFile(name: string | undefined): boolean {
    if (name === undefined) {
      this.file = undefined;
      return true;
    }
    if (name === "") {
      this.file = null;
      return true;
    }
    const path = nodePath.resolve(this.m4.opts.cwd, name);
    try {
      fs.writeFileSync(path, "", { flag: "a" });
    } catch {
      return false;
    }
    this.file = path;
    return true;
  }

  /** header - "m4trace:FILE:LINE: -LEVEL- id N: " per the flags */
  private header(mark: Mark, id: number): string {
    let h = "m4trace:";
    if ((this.flags & (DebugFlag.f | DebugFlag.l)) !== 0) {
      const loc = resolveMark(mark);
      if ((this.flags & DebugFlag.f) !== 0) h += loc.file + ":";
      if ((this.flags & DebugFlag.l) !== 0) h += loc.line + ":";
    }
    h += ` -${this.m4.level}- `;
    if ((this.flags & DebugFlag.x) !== 0) h += `id ${id}: `;
    return h;
  }

  /** shown - a traced value, quoted under q and cut to -l's length */
  private shown(text: string): string {
    const max = this.m4.opts.argLength;
    const t = max > 0 && text.length > max ? text.slice(0, max) + "..." : text;
    return (this.flags & DebugFlag.q) !== 0 ? this.m4.quote(t) : t;
  }

  /** beforeCollect - the "name ..." line of flag c */
  beforeCollect(name: string, id: number, mark: Mark): void {
    if ((this.flags & DebugFlag.c) !== 0) this.write(this.header(mark, id) + name + " ...\n");
  }

  /**
   * The trace line being built: GNU writes it out only when the call is
   * over (or at once under flag c), so a builtin's own debug output such as
   * dumpdef's comes first, and a new header throws away an unfinished line.
   */
  private pending = "";

  /** afterCollect - the call with its arguments */
  afterCollect(name: string, id: number, argv: Arg[], mark: Mark): void {
    let s = this.header(mark, id) + name;
    if (argv.length > 1 && (this.flags & DebugFlag.a) !== 0) {
      const shown = argv.slice(1).map((a) => (a.fn !== null ? `<${a.fn.name}>` : this.shown(a.text)));
      s += "(" + shown.join(", ") + ")";
    }
    if ((this.flags & DebugFlag.c) !== 0) {
      this.pending = "";
      this.write(s + " -> ???\n");
    } else this.pending = s;
  }

  /** afterCall - the expansion, finishing the trace line */
  afterCall(name: string, id: number, argv: Arg[], expansion: string, mark: Mark): void {
    let s = this.pending;
    this.pending = "";
    if ((this.flags & DebugFlag.c) !== 0) s = this.header(mark, id) + name + (argv.length > 1 ? "(...)" : "");
    if ((this.flags & DebugFlag.e) !== 0 && expansion.length > 0) s += " -> " + this.shown(expansion);
    this.write(s + "\n");
  }
}
