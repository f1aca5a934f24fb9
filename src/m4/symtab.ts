/*
 * symtab - the m4 symbol table
 *
 * Each name maps to a stack of definitions (pushdef pushes, popdef pops,
 * define replaces the top one in place). A definition is either text or a
 * builtin. A macro call holds on to the definition object it started with, so
 * redefining or undefining the name while its arguments are collected behaves
 * as in GNU m4: `define` changes what the pending call runs, `pushdef` and
 * `undefine` do not.
 */

import type { Interp } from "./interp.js";

/** A builtin's implementation: reads argv (argv[0] is the macro name), returns its expansion. */
export type BuiltinFn = (m4: Interp, argv: Arg[]) => string;

/** A builtin: its name and how it is recognised and called. */
export interface BuiltinDef {
  readonly name: string;
  /** Recognised only when followed by "(" (GNU's "blind" builtins). */
  readonly blind: boolean;
  /** Accepts builtin tokens (defn results) as arguments. */
  readonly macroArgs: boolean;
  /** A GNU extension, absent under -G. */
  readonly gnu: boolean;
  /** Argument count limits, counting the name as GNU does; max -1 = none. */
  readonly min: number;
  readonly max: number;
  readonly fn: BuiltinFn;
  /** What a call with too few arguments expands to, after the warning (default: nothing). */
  readonly tooFew?: BuiltinFn;
}

/** An argument: text, or a builtin token passed along by defn. */
export interface Arg {
  text: string;
  fn: BuiltinDef | null;
}

/** One definition of a name. */
export interface Definition {
  text: string;
  builtin: BuiltinDef | null;
  traced: boolean;
}

/** The table of names. */
export class SymbolTable {
  private readonly map = new Map<string, Definition[]>();

  /** lookup - the current definition of name, if any */
  lookup(name: string): Definition | undefined {
    const s = this.map.get(name);
    return s === undefined ? undefined : s[s.length - 1];
  }

  /** define - replace the current definition (or create the first one) */
  define(name: string, text: string, builtin: BuiltinDef | null): void {
    const s = this.map.get(name);
    const top = s?.[s.length - 1];
    if (top !== undefined) {
      top.text = text;
      top.builtin = builtin;
      return;
    }
    this.map.set(name, [{ text, builtin, traced: this.tracedNames.delete(name) }]);
  }

  /** pushdef - push a new definition over the current one */
  pushdef(name: string, text: string, builtin: BuiltinDef | null): void {
    const s = this.map.get(name);
    const traced = s?.[s.length - 1]?.traced ?? this.tracedNames.delete(name);
    const d: Definition = { text, builtin, traced };
    if (s === undefined) this.map.set(name, [d]);
    else s.push(d);
  }

  /** popdef - drop the current definition; false if there was none */
  popdef(name: string): boolean {
    const s = this.map.get(name);
    if (s === undefined) return false;
    const d = s.pop()!;
    if (s.length === 0) {
      this.map.delete(name);
      // As in GNU, a traced name stays traced for its next definition.
      if (d.traced) this.tracedNames.add(name);
    }
    return true;
  }

  /** undefine - drop every definition; false if there was none */
  undefine(name: string): boolean {
    const s = this.map.get(name);
    if (s === undefined) return false;
    this.map.delete(name);
    if (s[s.length - 1]!.traced) this.tracedNames.add(name);
    return true;
  }

  /** names - every defined name */
  names(): string[] {
    return [...this.map.keys()];
  }

  /**
   * Names traced by traceon before they were defined: GNU keeps the trace
   * flag on a placeholder symbol, so a later define is traced too.
   */
  readonly tracedNames = new Set<string>();

  /** setTrace - turn tracing of a name's current definition on or off */
  setTrace(name: string, on: boolean): void {
    const top = this.lookup(name);
    if (top !== undefined) top.traced = on;
    else if (on) this.tracedNames.add(name);
    else this.tracedNames.delete(name);
  }

  /** clearTrace - turn tracing off everywhere */
  clearTrace(): void {
    for (const s of this.map.values()) for (const d of s) d.traced = false;
    this.tracedNames.clear();
  }
}
