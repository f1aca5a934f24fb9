/*
 * builtins/io - builtins about input, output and syntax:
 * include, sinclude, undivert, divert, divnum, dnl, changequote, changecom,
 * errprint, m4wrap, m4exit, __file__, __line__, __program__
 */

import { ExitRun, type Interp } from "../interp.js";
import type { Arg, BuiltinDef } from "../symtab.js";
import { builtin } from "./table.js";

/** include - read a file as input next; a missing file is an error unless silent */
function include(m4: Interp, argv: Arg[], silent: boolean): string {
  const name = argv[1]!.text;
  const found = m4.openPath(name);
  if (typeof found === "string") {
    if (!silent) m4.error(`cannot open \`${name}': ${found}`);
    return "";
  }
  m4.pushFile(found.name, found.text);
  return "";
}

/** undivert - bring back diversions, or (GNU) copy named files verbatim */
function undivert(m4: Interp, argv: Arg[]): string {
  if (argv.length === 1) {
    m4.out.undivertAll();
    return "";
  }
  for (let i = 1; i < argv.length; i++) {
    const t = argv[i]!.text;
    const m = /^[+-]?\d*$/.exec(t);
    if (m !== null && !/^[+-]$/.test(t)) {
      const n = t === "" ? 0 : Number(BigInt.asIntN(32, BigInt(t)));
      m4.out.undivert(n);
    } else if (m4.opts.traditional) m4.warn(`non-numeric argument to builtin \`${argv[0]!.text}'`);
    else {
      const found = m4.openPath(t);
      if (typeof found === "string") m4.warn(`cannot undivert \`${t}': ${found}`);
      else m4.out.write(found.text);
    }
  }
  return "";
}

/** dnl - discard input up to and including the next newline */
function dnl(m4: Interp): string {
  const start = m4.location();
  if (!m4.skipLine()) m4.warnAt("Warning: end of file treated as newline", start);
  return "";
}

/** m4exit - stop at once with the given status, discarding diversions */
function m4exit(m4: Interp, argv: Arg[]): string {
  let code = 0;
  if (argv.length >= 2) {
    const v = m4.numericArg(argv[0]!.text, argv[1]!.text);
    code = v === undefined ? 1 : v;
  }
  if (code < 0 || code > 255) {
    m4.warn(`exit status out of range: \`${code}'`);
    code = 1;
  }
  if (code === 0 && m4.status !== 0) code = m4.status;
  m4.tracer.setFile(undefined);
  throw new ExitRun(code);
}

/** The builtins of this family. */
export const ioBuiltins: BuiltinDef[] = [
  builtin("include", 2, 2, { blind: true }, (m4, argv) => include(m4, argv, false)),
  builtin("sinclude", 2, 2, { blind: true }, (m4, argv) => include(m4, argv, true)),
  builtin("undivert", 1, -1, {}, undivert),
  builtin("divert", 1, 2, {}, (m4, argv) => {
    let n = 0;
    if (argv.length >= 2) {
      const v = m4.numericArg(argv[0]!.text, argv[1]!.text);
      if (v === undefined) return "";
      n = v;
    }
    m4.out.divert(n);
    return "";
  }),
  builtin("divnum", 1, 1, {}, (m4) => String(m4.out.current)),
  builtin("dnl", 1, 1, {}, dnl),
  builtin("changequote", 1, 3, {}, (m4, argv) => {
    // No arguments restore the defaults; a non-empty open quote always gets
    // a non-empty close quote; an empty open quote turns quoting off.
    const lq = argv.length >= 2 ? argv[1]!.text : "`";
    const rq = argv.length >= 3 && (argv[2]!.text !== "" || lq === "") ? argv[2]!.text : "'";
    m4.scanner.setQuotes(lq, rq);
    return "";
  }),
  builtin("changecom", 1, 3, {}, (m4, argv) => {
    if (argv.length === 1) m4.scanner.setComments("", "");
    else {
      const bc = argv[1]!.text;
      let ec = argv.length >= 3 ? argv[2]!.text : "\n";
      if (bc.length > 0 && ec.length === 0) ec = "\n";
      m4.scanner.setComments(bc, ec);
    }
    return "";
  }),
  builtin("errprint", 2, -1, { blind: true }, (m4, argv) => {
    m4.sink.flush();
    m4.sink.err(m4.joinArgs(argv, " ", false));
    return "";
  }),
  builtin("m4wrap", 2, -1, { blind: true }, (m4, argv) => {
    const text = m4.opts.traditional ? argv[1]!.text : m4.joinArgs(argv, " ", false);
    m4.wrapup.push({ text, loc: m4.mark() });
    return "";
  }),
  builtin("m4exit", 1, 2, {}, m4exit),
  builtin("__file__", 1, 1, { gnu: true }, (m4) => m4.quote(m4.location().file)),
  builtin("__line__", 1, 1, { gnu: true }, (m4) => String(m4.location().line)),
  builtin("__program__", 1, 1, { gnu: true }, (m4) => m4.quote(m4.opts.program)),
];
