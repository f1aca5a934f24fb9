/*
 * interp - the m4 interpreter: expansion of input into output
 *
 * The loop is GNU m4's: read a token; a word that names a macro is expanded
 * (its arguments collected, each one itself expanded), and the expansion is
 * pushed back onto the input to be rescanned; everything else goes to the
 * current diversion. Builtins live in ./builtins/ and reach the interpreter
 * through the methods here.
 */

import { fs, path } from "../util/node.js";
import { BlockKind, InputStack, lineOf, resolveMark, type Location, type Mark } from "./input.js";
import { Scanner, ScanError, Tok } from "./scanner.js";
import { SymbolTable, type Arg, type BuiltinDef, type Definition } from "./symtab.js";
import { Diversions, type Sink } from "./output.js";
import type { Diag } from "./diag.js";
import { DebugFlag, Tracer } from "./trace.js";

/** Thrown to stop the run (m4exit, fatal errors); carries the exit status. */
export class ExitRun extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
    this.name = "ExitRun";
  }
}

/** The C library's text for an errno code, as GNU m4 appends it. */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: "No such file or directory",
  EISDIR: "Is a directory",
  EACCES: "Permission denied",
  ENOTDIR: "Not a directory",
  ELOOP: "Too many levels of symbolic links",
  ENAMETOOLONG: "File name too long",
  EMFILE: "Too many open files",
  EEXIST: "File exists",
};

/** strerror - errno text for a Node error code */
export function strerror(code: string): string {
  return ERRNO_TEXT[code] ?? code;
}

/** Settings fixed by the command line. */
export interface InterpOptions {
  /** Program name used in messages and __program__. */
  program: string;
  /** -G: no GNU extensions. */
  traditional: boolean;
  /** -P: builtins are named m4_NAME. */
  prefixBuiltins: boolean;
  /** -L: nesting limit, 0 for none. */
  nestingLimit: number;
  /** -E count: 1 makes warnings fail the run, 2 stops at the first one. */
  fatalWarnings: number;
  /** -Q: suppress the "Warning:" messages. */
  quiet: boolean;
  /** -I directories, in order. */
  includePath: string[];
  /** Working directory for relative file names and child processes. */
  cwd: string;
  /** -l: maximum length of traced arguments, 0 for no limit. */
  argLength: number;
}

/** The interpreter state. */
export class Interp {
  readonly input = new InputStack();
  readonly scanner: Scanner;
  readonly symtab = new SymbolTable();
  readonly out: Diversions;
  readonly tracer: Tracer;
  /** Exit status so far (errors set it to 1). */
  status = 0;
  /** Current expansion depth. */
  level = 0;
  /** Number of macro calls so far (trace ids). */
  callId = 0;
  /** sysval: status of the last syscmd/esyscmd. */
  sysval = 0;
  /** Text saved by m4wrap, in the order it was saved, with where it was saved. */
  wrapup: Array<{ text: string; loc: Mark }> = [];
  /** Location diagnostics are reported at (the current macro call's). */
  private where: Mark | null = null;
  /** All builtins by their plain name. */
  readonly builtins = new Map<string, BuiltinDef>();
  readonly diag: Diag;

  constructor(
    readonly opts: InterpOptions,
    readonly sink: Sink,
    readonly readFile: (path: string) => string,
  ) {
    this.scanner = new Scanner(this.input);
    this.scanner.isMacro = (name) => this.symtab.lookup(name) !== undefined;
    this.out = new Diversions(sink);
    this.tracer = new Tracer(this);
    this.diag = {
      warn: (text) => this.warn(text),
      error: (text) => this.error(text),
    };
    this.input.onFilePop = (b) => {
      if ((this.tracer.flags & DebugFlag.i) === 0) return;
      // Reading past a final newline has already moved GNU to the next line.
      const at = { file: b.name, line: lineOf(b, b.pos) + (b.text.endsWith("\n") ? 1 : 0) };
      const next = this.input.mark();
      if (next.block === undefined) this.debugMessage("input exhausted", at);
      else {
        const n = resolveMark(next);
        this.debugMessage(`input reverted to ${n.file}, line ${n.line}`, at);
      }
    };
  }

  /** debugMessage - an "m4debug:" line on the debug stream */
  debugMessage(text: string, at: Location = this.location()): void {
    let s = "m4debug:";
    if (at.line !== 0) {
      if ((this.tracer.flags & DebugFlag.f) !== 0) s += at.file + ":";
      if ((this.tracer.flags & DebugFlag.l) !== 0) s += at.line + ":";
    }
    this.tracer.write(s + " " + text + "\n");
  }

  /** pushFile - start reading a file (include, command line), saying so under flag i */
  pushFile(name: string, text: string): void {
    if ((this.tracer.flags & DebugFlag.i) !== 0) this.debugMessage(`input read from ${name}`);
    this.input.pushFile(name, text);
  }

  // ---- diagnostics ----

  /** mark - the current position: the running call's, else the input's */
  mark(): Mark {
    return this.where ?? this.input.mark();
  }

  /** location - where a diagnostic raised now should point */
  location(): Location {
    return resolveMark(this.mark());
  }

  /** message - print "m4:FILE:LINE: text" (or "m4: text" outside any file) */
  message(text: string, at?: Location): void {
    const loc = at ?? this.location();
    const prefix = loc.file === "" && loc.line === 0 ? `${this.opts.program}: ` : `${this.opts.program}:${loc.file}:${loc.line}: `;
    this.sink.flush();
    this.sink.err(prefix + text + "\n");
  }

  /** warn - a diagnostic that leaves the exit status unless -E */
  warn(text: string): void {
    this.message(text);
    this.afterWarning();
  }

  /** warnAt - a warning reported at a given location */
  warnAt(text: string, at: Location): void {
    this.message(text, at);
    this.afterWarning();
  }

  /** error - a diagnostic that makes the exit status 1 */
  error(text: string): void {
    this.message(text);
    this.status = 1;
    this.afterWarning();
  }

  /** fatal - a diagnostic that ends the run with status 1 */
  fatal(text: string, at?: Location): never {
    this.message(text, at);
    throw new ExitRun(1);
  }

  /** afterWarning - apply -E to a diagnostic just printed */
  private afterWarning(): void {
    if (this.opts.fatalWarnings >= 1) this.status = 1;
    if (this.opts.fatalWarnings >= 2) throw new ExitRun(1);
  }

  // ---- argument checks shared by builtins ----

  /**
   * badArgc - GNU's argument-count check: warns about too few (returns true:
   * the builtin does nothing) or too many (ignored, returns false)
   */
  badArgc(name: string, argc: number, min: number, max: number): boolean {
    if (argc < min) {
      if (!this.opts.quiet) this.warn(`Warning: too few arguments to builtin \`${name}'`);
      return true;
    }
    if (max > 0 && argc > max && !this.opts.quiet) this.warn(`Warning: excess arguments to builtin \`${name}' ignored`);
    return false;
  }

  /**
   * numericArg - parse an integer argument as GNU's strtol-based helper does;
   * undefined (after a warning) when it is not a number
   */
  numericArg(name: string, text: string): number | undefined {
    if (text.length === 0) {
      this.warn(`empty string treated as 0 in builtin \`${name}'`);
      return 0;
    }
    const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(text);
    if (m === null) {
      this.warn(`non-numeric argument to builtin \`${name}'`);
      return undefined;
    }
    // strtol saturates at the long range (and says so), then the value is
    // truncated to int.
    let v = BigInt(m[1] + m[2]!);
    const lim = 1n << 63n;
    let overflow = false;
    if (v >= lim) (v = lim - 1n), (overflow = true);
    if (v < -lim) (v = -lim), (overflow = true);
    if (text.charCodeAt(0) !== m[1]!.charCodeAt(0) && text.charCodeAt(0) !== m[2]!.charCodeAt(0))
      this.warn(`leading whitespace ignored in builtin \`${name}'`);
    else if (overflow) this.warn(`numeric overflow detected in builtin \`${name}'`);
    return Number(BigInt.asIntN(32, v));
  }

  // ---- files ----

  /**
   * openPath - find and read a file as include does: as named, then in each
   * -I directory; the text, or the error text of the first attempt
   */
  openPath(name: string): { name: string; text: string } | string {
    if (name === "") return strerror("ENOENT");
    const first = this.tryRead(name);
    if (typeof first !== "string") return first;
    if (!path.isAbsolute(name))
      for (const dir of this.opts.includePath) {
        const r = this.tryRead(dir.endsWith("/") ? dir + name : dir + "/" + name);
        if (typeof r === "string") continue;
        if ((this.tracer.flags & DebugFlag.p) !== 0) this.debugMessage(`path search for \`${name}' found \`${r.name}'`);
        return r;
      }
    return first;
  }

  /** tryRead - read one file (relative to cwd); the text or an error text */
  private tryRead(name: string): { name: string; text: string } | string {
    const full = path.resolve(this.opts.cwd, name);
    // Look before reading: a failed read throws, and a thrown error costs a
    // stack trace, on every include that the search path resolves.
    try {
      const st = fs.statSync(Buffer.from(full, "latin1"), { throwIfNoEntry: false });
      if (st === undefined) return strerror("ENOENT");
      if (st.isDirectory()) return strerror("EISDIR");
      return { name, text: this.readFile(full) };
    } catch (e) {
      return strerror((e as NodeJS.ErrnoException).code ?? "");
    }
  }

  /** skipLine - discard input through the next newline; false at end of input */
  skipLine(): boolean {
    for (;;) {
      const b = this.input.top();
      if (b === undefined) return false;
      if (b.kind === BlockKind.Macdef) {
        b.pos = 1;
        continue;
      }
      const i = b.text.indexOf("\n", b.pos);
      if (i !== -1) {
        b.pos = i + 1;
        return true;
      }
      b.pos = b.text.length;
    }
  }

  // ---- names and definitions ----

  /** installBuiltin - register a builtin under its (possibly m4_-prefixed) name */
  installBuiltin(def: BuiltinDef): void {
    this.builtins.set(def.name, def);
    if (def.gnu && this.opts.traditional) return;
    const name = this.opts.prefixBuiltins ? "m4_" + def.name : def.name;
    this.symtab.define(name, "", def);
  }

  // ---- the expansion loop ----

  /** expandInput - expand until the input stack is empty */
  expandInput(): void {
    const sc = this.scanner;
    for (;;) {
      const t = sc.next();
      switch (t) {
        case Tok.Eof:
          return;
        case Tok.Macdef:
          break;
        case Tok.Word:
          this.expandWord(sc.text, null);
          break;
        default:
          this.out.write(sc.text);
      }
    }
  }

  /** expandWord - expand a word that may name a macro, writing to out or acc */
  private expandWord(word: string, acc: string[] | null): void {
    const def = this.symtab.lookup(word);
    if (def === undefined || (def.builtin !== null && def.builtin.blind && !this.scanner.peekIsOpen())) {
      if (acc === null) this.out.write(word);
      else acc.push(word);
      return;
    }
    this.expandMacro(word, def);
  }

  /** markHere - remember the current input position */
  private markHere(): Mark {
    return this.input.mark();
  }


  /** expandMacro - collect a call's arguments, run it, push its expansion */
  private expandMacro(name: string, def: Definition): void {
    const open = this.markHere();
    this.level++;
    const limit = this.opts.nestingLimit;
    if (limit > 0 && this.level > limit) {
      this.where = open;
      this.fatal(`recursion limit of ${limit} exceeded, use -L<N> to change it`);
    }
    const id = ++this.callId;
    const traced = def.traced || this.tracer.traceAll();
    if (traced) this.tracer.beforeCollect(name, id, open);
    const argv = this.collectArguments(name, def);
    const saved = this.where;
    this.where = open;
    if (traced) this.tracer.afterCollect(name, id, argv, open);
    const expansion = this.call(def, argv);
    if (traced) this.tracer.afterCall(name, id, argv, expansion, open);
    this.where = saved;
    this.level--;
    this.input.pushString(expansion, open);
  }

  /** call - run a definition on collected arguments (argv[0] is the name used) */
  call(def: Definition, argv: Arg[]): string {
    const b = def.builtin;
    if (b === null) return this.substitute(def.text, argv);
    const argc = argv.length;
    if (argc >= b.min && (b.max <= 0 || argc <= b.max)) return b.fn(this, argv);
    // GNU's argument-count check: too few does nothing (a few builtins have
    // their own fallback), too many are dropped.
    if (argc < b.min) {
      this.badArgc(argv[0]!.text, argc, b.min, b.max);
      return b.tooFew === undefined ? "" : b.tooFew(this, argv);
    }
    this.badArgc(argv[0]!.text, argc, b.min, b.max);
    return b.fn(this, argv.slice(0, b.max));
  }

  /** collectArguments - read "(arg, ...)" if present; argv[0] is the name */
  private collectArguments(name: string, def: Definition): Arg[] {
    const argv: Arg[] = [{ text: name, fn: null }];
    if (!this.scanner.peekIsOpen()) return argv;
    this.scanner.next();
    const macroArgs = def.builtin !== null && def.builtin.macroArgs;
    for (;;) {
      const arg: Arg = { text: "", fn: null };
      const more = this.expandArgument(arg);
      if (!macroArgs && arg.fn !== null) {
        arg.fn = null;
        arg.text = "";
      }
      argv.push(arg);
      if (!more) return argv;
    }
  }

  /** expandArgument - read one argument into arg; false after the closing ")" */
  private expandArgument(arg: Arg): boolean {
    const sc = this.scanner;
    const start = this.markHere();
    let t: Tok;
    // Leading unquoted white space is dropped.
    do t = sc.next(true);
    while (t === Tok.Simple && sc.isSpace(sc.text.charCodeAt(0)));
    const acc: string[] = [];
    let depth = 0;
    let isFn = false;
    for (;;) {
      switch (t) {
        case Tok.Comma:
        case Tok.Close:
          if (depth === 0) {
            if (!isFn) arg.text = acc.join("");
            return t === Tok.Comma;
          }
          if (t === Tok.Close) depth--;
          acc.push(sc.text);
          break;
        case Tok.Open:
          depth++;
          acc.push(sc.text);
          break;
        case Tok.Eof:
          this.where = start;
          this.fatal("ERROR: end of file in argument list");
        case Tok.Word:
          this.expandWord(sc.text, acc);
          break;
        case Tok.Macdef:
          if (acc.length === 0 && !isFn) {
            isFn = true;
            arg.fn = sc.fn;
          }
          break;
        default:
          acc.push(sc.text);
      }
      t = sc.next();
    }
  }

  /** substitute - a user macro's body with $0-$9, $#, $*, $@ replaced */
  substitute(body: string, argv: Arg[]): string {
    let i = body.indexOf("$");
    if (i === -1) return body;
    const parts: string[] = [];
    let from = 0;
    const n = body.length;
    while (i !== -1 && i < n - 1) {
      const c = body.charCodeAt(i + 1);
      if (c >= 48 && c <= 57) {
        let j = i + 1;
        let k = 0;
        if (this.opts.traditional) k = body.charCodeAt(j++) - 48;
        else while (j < n && body.charCodeAt(j) >= 48 && body.charCodeAt(j) <= 57) k = k * 10 + body.charCodeAt(j++) - 48;
        parts.push(body.slice(from, i));
        if (k < argv.length) parts.push(argv[k]!.text);
        from = j;
        i = body.indexOf("$", j);
      } else if (c === 35 /* # */) {
        parts.push(body.slice(from, i), String(argv.length - 1));
        from = i + 2;
        i = body.indexOf("$", from);
      } else if (c === 42 /* * */ || c === 64 /* @ */) {
        parts.push(body.slice(from, i), this.joinArgs(argv, ",", c === 64));
        from = i + 2;
        i = body.indexOf("$", from);
      } else i = body.indexOf("$", i + 1);
    }
    parts.push(body.slice(from));
    return parts.join("");
  }

  /** joinArgs - argv[1..] joined by sep, each quoted when quote is set */
  joinArgs(argv: Arg[], sep: string, quote: boolean): string {
    const lq = quote ? this.scanner.lquote : "";
    const rq = quote ? this.scanner.rquote : "";
    const parts: string[] = [];
    for (let k = 1; k < argv.length; k++) parts.push(lq + argv[k]!.text + rq);
    return parts.join(sep);
  }

  /** quote - text wrapped in the current quotes */
  quote(text: string): string {
    return this.scanner.lquote + text + this.scanner.rquote;
  }

  // ---- running files ----

  /** runFile - read one input file (text already loaded) to its end */
  runFile(name: string, text: string): void {
    this.pushFile(name, text);
    this.expandInput();
  }

  /** finish - m4wrap text, then every diversion, as at normal end of input */
  finish(): void {
    while (this.wrapup.length > 0) {
      const pending = this.wrapup;
      this.wrapup = [];
      // GNU 1.4.19 rereads the saved texts last-saved first, each reporting
      // the place m4wrap was called from.
      for (const w of pending) this.input.pushString(w.text, w.loc);
      this.expandInput();
    }
    this.out.divert(0);
    this.out.undivertAll();
  }

  /** handleScanError - report a fatal scanner error */
  scanFailure(e: ScanError): never {
    this.fatal(e.message, e.where);
  }
}
