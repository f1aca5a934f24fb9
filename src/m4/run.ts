/*
 * run - one m4 run from a command line: options, builtins, files, wrap-up
 *
 * Shared by the `m4` command (which writes to file descriptors) and the
 * in-process API (which collects output in memory); the host supplies the
 * sink, file reading and standard input.
 */

import { Interp, ExitRun, type InterpOptions } from "./interp.js";
import { ScanError } from "./scanner.js";
import type { Sink } from "./output.js";
import { parseArgs } from "./options.js";
import { allBuiltins } from "./builtins/index.js";
import { parseDebugFlags } from "./trace.js";
import { helpText, versionText } from "./usage.js";
import { strerror } from "./interp.js";

/** What a run needs from its surroundings. */
export interface Host {
  sink: Sink;
  cwd: string;
  env: Record<string, string | undefined>;
  program: string;
  /** Read a file as a latin1 string (throws Node errors). */
  readFile(path: string): string;
  /** Read all of standard input as a latin1 string (empty on later calls). */
  readStdin(): string;
}

/** utf8Locale - whether the environment's locale uses UTF-8 */
function utf8Locale(env: Record<string, string | undefined>): boolean {
  const loc = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return /utf-?8/i.test(loc);
}

/** runMain - run m4 with argv (without the program name); returns the exit status */
export function runMain(argv: readonly string[], host: Host): number {
  const { sink, program } = host;
  const o = parseArgs(argv, program);
  for (const n of o.notices) sink.err(n);
  if (o.error !== null) {
    sink.err(o.error);
    return 1;
  }
  if (o.show === "help") {
    sink.out(helpText(program));
    return 0;
  }
  if (o.show === "version") {
    sink.out(versionText(utf8Locale(host.env)));
    return 0;
  }
  const m4path = (host.env.M4PATH ?? "").split(":").filter((d) => d !== "");
  const opts: InterpOptions = {
    program,
    traditional: o.traditional,
    prefixBuiltins: o.prefixBuiltins,
    nestingLimit: o.nestingLimit,
    fatalWarnings: o.fatalWarnings,
    quiet: o.quiet,
    includePath: [...o.includePath, ...m4path],
    cwd: host.cwd,
    argLength: o.argLength,
  };
  const m4 = new Interp(opts, sink, host.readFile);
  const nowhere = { file: "", line: 0 };
  try {
    for (const b of allBuiltins()) m4.installBuiltin(b);
    if (o.traditional) m4.symtab.define("unix", "", null);
    else {
      m4.symtab.define("__gnu__", "", null);
      m4.symtab.define("__unix__", "", null);
    }
    for (const f of o.debugFlags) {
      const v = parseDebugFlags(f);
      if (v < 0) m4.message(`bad debug flags: \`${f}'`, nowhere);
      else m4.tracer.flags = v;
    }
    if (o.debugFile !== undefined && !m4.tracer.setFile(o.debugFile))
      m4.message(`cannot set debug file \`${o.debugFile}': ${strerror("ENOENT")}`, nowhere);
    let sawFile = false;
    for (const step of o.steps) {
      switch (step.kind) {
        case "define":
          m4.symtab.define(step.name, step.value, null);
          break;
        case "undefine":
          m4.symtab.undefine(step.name);
          break;
        case "trace":
          m4.symtab.setTrace(step.name, true);
          break;
        case "file":
          sawFile = true;
          readOne(m4, step.name, host);
          break;
      }
    }
    if (!sawFile) readOne(m4, "-", host);
    m4.finish();
    return m4.status;
  } catch (e) {
    if (e instanceof ExitRun) return e.status;
    if (e instanceof ScanError) {
      m4.message(e.message, e.where);
      return 1;
    }
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      m4.message("stack overflow", nowhere);
      return 1;
    }
    throw e;
  }
}

/** readOne - expand one command-line file ("-" is standard input) */
function readOne(m4: Interp, name: string, host: Host): void {
  if (name === "-") {
    m4.runFile("stdin", host.readStdin());
    return;
  }
  const found = m4.openPath(name);
  if (typeof found === "string") {
    m4.message(`cannot open \`${name}': ${found}`, { file: "", line: 0 });
    m4.status = 1;
    return;
  }
  m4.runFile(found.name, found.text);
}
