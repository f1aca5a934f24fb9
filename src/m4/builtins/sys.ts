/*
 * builtins/sys - builtins that reach the operating system:
 * syscmd, esyscmd, sysval, maketemp, mkstemp
 */

import { fs, path, lazyRequire } from "../../util/node.js";
import { strerror, type Interp } from "../interp.js";
import type { Arg, BuiltinDef } from "../symtab.js";
import { builtin } from "./table.js";

// Loaded on first use: most runs never start a process or make a temp file,
// and these modules cost milliseconds of start-up each.
const lazy = lazyRequire;
type ChildProcess = typeof import("node:child_process");
type Os = typeof import("node:os");
type Crypto = typeof import("node:crypto");

/** shell - run a command with /bin/sh -c, recording sysval; returns its standard output */
function shell(m4: Interp, cmd: string): string {
  m4.sink.flush();
  const inherit = m4.sink.childStderrInherit;
  const { spawnSync } = lazy<ChildProcess>("node:child_process");
  const r = spawnSync("/bin/sh", ["-c", cmd], {
    cwd: m4.opts.cwd,
    stdio: [inherit ? "inherit" : "ignore", "pipe", inherit ? "inherit" : "pipe"],
    maxBuffer: 1 << 30,
  });
  if (!inherit && r.stderr) m4.sink.err(r.stderr.toString("latin1"));
  if (r.error !== undefined) m4.sysval = 127;
  else if (r.signal !== null) {
    const { constants } = lazy<Os>("node:os");
    m4.sysval = ((constants.signals as Record<string, number>)[r.signal] ?? 0) << 8;
  }
  else m4.sysval = r.status ?? 0;
  return r.stdout ? r.stdout.toString("latin1") : "";
}

/** mkstemp - create a unique file from a template ending in X's; its quoted name */
function mkstemp(m4: Interp, argv: Arg[]): string {
  let tpl = argv[1]!.text;
  // Make sure there are six trailing X's, as GNU does for forgetful callers.
  let xs = 0;
  while (xs < tpl.length && tpl[tpl.length - 1 - xs] === "X") xs++;
  if (xs < 6) tpl += "X".repeat(6 - xs);
  const base = tpl.slice(0, tpl.length - 6);
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (let attempt = 0; attempt < 100; attempt++) {
    const rnd = lazy<Crypto>("node:crypto").randomBytes(6);
    let name = base;
    for (const byte of rnd) name += alphabet[byte % alphabet.length];
    try {
      const fd = fs.openSync(path.resolve(m4.opts.cwd, name), fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_RDWR, 0o600);
      fs.closeSync(fd);
      return m4.quote(name);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "";
      if (code === "EEXIST") continue;
      m4.warn(`${argv[0]!.text}: cannot create tempfile \`${tpl}': ${strerror(code)}`);
      return "";
    }
  }
  m4.warn(`${argv[0]!.text}: cannot create tempfile \`${tpl}': ${strerror("EEXIST")}`);
  return "";
}

/** maketemp - mkstemp in GNU mode; under -G the X's become the process id */
function maketemp(m4: Interp, argv: Arg[]): string {
  if (!m4.opts.traditional) return mkstemp(m4, argv);
  m4.warn("recommend using mkstemp instead");
  const tpl = argv[1]!.text;
  let xs = 0;
  while (xs < tpl.length && tpl[tpl.length - 1 - xs] === "X") xs++;
  const pid = String(process.pid);
  const fill = pid.length >= xs ? pid.slice(pid.length - xs) : pid.padStart(xs, "0");
  return tpl.slice(0, tpl.length - xs) + fill;
}

/** The builtins of this family. */
export const sysBuiltins: BuiltinDef[] = [
  builtin("syscmd", 2, 2, { blind: true }, (m4, argv) => {
    const out = shell(m4, argv[1]!.text);
    // The command's output is not diverted: it goes straight to standard output.
    if (out.length > 0) m4.sink.out(out);
    if (m4.sysval === 127) m4.message("syscmd subprocess failed", { file: "", line: 0 });
    return "";
  }),
  builtin("esyscmd", 2, 2, { blind: true, gnu: true }, (m4, argv) => shell(m4, argv[1]!.text)),
  builtin("sysval", 1, -1, {}, (m4) => String(m4.sysval)),
  builtin("maketemp", 2, 2, { blind: true }, maketemp),
  builtin("mkstemp", 2, 2, { blind: true }, mkstemp),
];
