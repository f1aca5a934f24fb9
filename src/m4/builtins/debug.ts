/*
 * builtins/debug - tracing and debugging builtins:
 * traceon, traceoff, debugmode, debugfile
 */

import type { Interp } from "../interp.js";
import type { Arg, BuiltinDef } from "../symtab.js";
import { parseDebugFlags } from "../trace.js";
import { builtin } from "./table.js";
import { strerror } from "../interp.js";

/** trace - turn tracing on or off for the named macros, or for all defined ones */
function trace(m4: Interp, argv: Arg[], on: boolean): string {
  if (argv.length === 1) for (const n of m4.symtab.names()) m4.symtab.setTrace(n, on);
  else for (let i = 1; i < argv.length; i++) m4.symtab.setTrace(argv[i]!.text, on);
  return "";
}

/** debugmode - set, add (+) or remove (-) debug flags; no argument clears them */
function debugmode(m4: Interp, argv: Arg[]): string {
  if (argv.length === 1) {
    m4.tracer.flags = 0;
    return "";
  }
  const arg = argv[1]!.text;
  const op = arg[0] === "+" || arg[0] === "-" ? arg[0] : "";
  const v = parseDebugFlags(op === "" ? arg : arg.slice(1));
  if (v < 0) m4.warn(`Debugmode: bad debug flags: \`${arg}'`);
  else if (op === "+") m4.tracer.flags |= v;
  else if (op === "-") m4.tracer.flags &= ~v;
  else m4.tracer.flags = v;
  return "";
}

/** The builtins of this family. */
export const debugBuiltins: BuiltinDef[] = [
  builtin("traceon", 1, -1, {}, (m4, argv) => trace(m4, argv, true)),
  builtin("traceoff", 1, -1, {}, (m4, argv) => trace(m4, argv, false)),
  builtin("debugmode", 1, 2, { gnu: true }, debugmode),
  builtin("debugfile", 1, 2, { gnu: true }, (m4, argv) => {
    const name = argv.length === 1 ? undefined : argv[1]!.text;
    if (!m4.tracer.setFile(name)) m4.warn(`cannot set debug file \`${name}': ${strerror("ENOENT")}`);
    return "";
  }),
];
