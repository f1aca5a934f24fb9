/*
 * builtins/defs - builtins that define, inspect and select macros:
 * define, undefine, defn, pushdef, popdef, indir, builtin, ifdef, ifelse,
 * shift, dumpdef
 */

import type { Interp } from "../interp.js";
import type { Arg, BuiltinDef } from "../symtab.js";
import { builtin } from "./table.js";

/** defineMacro - define or pushdef NAME as text or as a builtin */
function defineMacro(m4: Interp, argv: Arg[], push: boolean): string {
  const name = argv[1]!;
  if (name.fn !== null) {
    m4.warn(`Warning: ${argv[0]!.text}: invalid macro name ignored`);
    return "";
  }
  const body = argv[2];
  const text = body === undefined || body.fn !== null ? "" : body.text;
  const fn = body?.fn ?? null;
  if (push) m4.symtab.pushdef(name.text, text, fn);
  else m4.symtab.define(name.text, text, fn);
  return "";
}

/** defn - quoted definitions, or a builtin token for a single builtin */
function defn(m4: Interp, argv: Arg[]): string {
  let out = "";
  for (let i = 1; i < argv.length; i++) {
    const name = argv[i]!.text;
    const d = m4.symtab.lookup(name);
    if (d === undefined) continue;
    if (d.builtin === null) out += m4.quote(d.text);
    else if (argv.length !== 2) m4.warn(`Warning: cannot concatenate builtin \`${name}'`);
    else m4.input.pushMacdef(d.builtin);
  }
  return out;
}

/** indir - call a macro by name, whatever the name looks like */
function indir(m4: Interp, argv: Arg[]): string {
  const name = argv[1]!.text;
  const d = m4.symtab.lookup(name);
  if (d === undefined) {
    m4.warn(`undefined macro \`${name}'`);
    return "";
  }
  const rest = argv.slice(1);
  if (d.builtin === null || !d.builtin.macroArgs) for (const a of rest) stripFn(a);
  return m4.call(d, rest);
}

/** builtinCall - call a builtin by its plain name, even if renamed or undefined */
function builtinCall(m4: Interp, argv: Arg[]): string {
  if (argv[1]!.fn !== null) {
    m4.warn(`Warning: ${argv[0]!.text}: invalid macro name ignored`);
    return "";
  }
  const name = argv[1]!.text;
  const b = m4.builtins.get(name);
  if (b === undefined) {
    m4.warn(`undefined builtin \`${name}'`);
    return "";
  }
  const rest = argv.slice(1);
  if (!b.macroArgs) for (const a of rest.slice(1)) stripFn(a);
  return m4.call({ text: "", builtin: b, traced: false }, rest);
}

/** stripFn - turn a builtin-token argument into empty text */
function stripFn(a: Arg): void {
  if (a.fn !== null) {
    a.fn = null;
    a.text = "";
  }
}

/** ifelse - compare pairs of strings, picking the first matching branch */
function ifelse(m4: Interp, argv: Arg[]): string {
  const argc = argv.length;
  if (argc === 2) return "";
  if (argc < 4) {
    m4.badArgc(argv[0]!.text, argc, 4, -1);
    return "";
  }
  // Argument counts of 5, 8, 11 ... leave one dangling: GNU warns.
  m4.badArgc(argv[0]!.text, (argc + 2) % 3, -1, 1);
  let i = 1;
  let left = argc - 1;
  for (;;) {
    if (argv[i]!.text === argv[i + 1]!.text) return argv[i + 2]!.text;
    if (left === 3) return "";
    if (left === 4 || left === 5) return argv[i + 3]!.text;
    left -= 3;
    i += 3;
  }
}

/** dumpdef - print definitions to the debug stream, sorted by name */
function dumpdef(m4: Interp, argv: Arg[]): string {
  const names: string[] = [];
  if (argv.length === 1) names.push(...m4.symtab.names());
  else
    for (let i = 1; i < argv.length; i++) {
      const n = argv[i]!.text;
      if (m4.symtab.lookup(n) === undefined) m4.warn(`undefined macro \`${n}'`);
      else names.push(n);
    }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const quoted = (m4.tracer.flags & 4) !== 0;
  let s = "";
  for (const n of names) {
    const d = m4.symtab.lookup(n)!;
    if (d.builtin !== null) s += `${n}:\t<${d.builtin.name}>\n`;
    else s += `${n}:\t${quoted ? m4.quote(d.text) : d.text}\n`;
  }
  if (s.length > 0) m4.tracer.write(s);
  return "";
}

/** The builtins of this family. */
export const defsBuiltins: BuiltinDef[] = [
  builtin("define", 2, 3, { blind: true, macroArgs: true }, (m4, argv) => defineMacro(m4, argv, false)),
  builtin("pushdef", 2, 3, { blind: true, macroArgs: true }, (m4, argv) => defineMacro(m4, argv, true)),
  builtin("undefine", 2, -1, { blind: true }, (m4, argv) => {
    for (let i = 1; i < argv.length; i++) m4.symtab.undefine(argv[i]!.text);
    return "";
  }),
  builtin("popdef", 2, -1, { blind: true }, (m4, argv) => {
    for (let i = 1; i < argv.length; i++) m4.symtab.popdef(argv[i]!.text);
    return "";
  }),
  builtin("defn", 2, -1, { blind: true, macroArgs: true }, defn),
  builtin("indir", 2, -1, { blind: true, macroArgs: true, gnu: true }, indir),
  builtin("builtin", 2, -1, { blind: true, macroArgs: true, gnu: true }, builtinCall),
  builtin("ifdef", 3, 4, { blind: true }, (m4, argv) => {
    if (m4.symtab.lookup(argv[1]!.text) !== undefined) return argv[2]!.text;
    return argv[3]?.text ?? "";
  }),
  builtin("ifelse", 0, -1, { blind: true }, ifelse),
  builtin("shift", 2, -1, { blind: true }, (m4, argv) => m4.joinArgs(argv.slice(1), ",", true)),
  builtin("dumpdef", 1, -1, {}, dumpdef),
];
