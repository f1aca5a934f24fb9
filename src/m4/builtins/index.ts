/*
 * builtins - every builtin of GNU m4 1.4.19, by family
 */

import type { BuiltinDef } from "../symtab.js";
import { defsBuiltins } from "./defs.js";
import { textBuiltins } from "./text.js";
import { ioBuiltins } from "./io.js";
import { sysBuiltins } from "./sys.js";
import { debugBuiltins } from "./debug.js";

/** allBuiltins - the full builtin table */
export function allBuiltins(): BuiltinDef[] {
  return [...defsBuiltins, ...textBuiltins, ...ioBuiltins, ...sysBuiltins, ...debugBuiltins];
}
