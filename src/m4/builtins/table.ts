/*
 * builtins/table - how a builtin is declared
 *
 * Each family file lists its builtins with `builtin(name, min, max, flags,
 * fn)`; min and max count the macro name as GNU's argument checks do, so
 * `len` is (2, 2) and max -1 means any number.
 */

import type { BuiltinDef, BuiltinFn } from "../symtab.js";

/** Optional properties of a builtin. */
export interface BuiltinFlags {
  /** Recognised only when followed by "(". */
  blind?: boolean;
  /** Takes builtin tokens (defn results) as arguments. */
  macroArgs?: boolean;
  /** A GNU extension: absent under -G. */
  gnu?: boolean;
  /** Expansion after a "too few arguments" warning. */
  tooFew?: BuiltinFn;
}

/** builtin - declare one builtin */
export function builtin(name: string, min: number, max: number, flags: BuiltinFlags, fn: BuiltinFn): BuiltinDef {
  const def: BuiltinDef = {
    name,
    min,
    max,
    fn,
    blind: flags.blind ?? false,
    macroArgs: flags.macroArgs ?? false,
    gnu: flags.gnu ?? false,
    ...(flags.tooFew !== undefined ? { tooFew: flags.tooFew } : {}),
  };
  return def;
}

/** texts - the plain text of each argument, for builtins that take no builtin tokens */
export function texts(argv: readonly { text: string }[]): string[] {
  return argv.map((a) => a.text);
}
