/*
 * makemap_cli - makemap's command line: sendmail 8.17's options and texts.
 *
 *   makemap [-C cffile] [-N] [-c cachesize] [-D commentchar] [-d] [-e] [-f]
 *           [-i type] [-l] [-o] [-r] [-s] [-t delimiter] [-u] [-v] type mapname
 *
 * Options are read with glibc getopt rules (clustering, mixing with
 * operands); -l and -x list the supported types as soon as they are seen;
 * a bad option or a wrong number of operands prints makemap's usage text
 * (exit 64); -t with an empty argument warns "Invalid separator" and keeps
 * white space.
 */

import { getopt } from "./getopt.js";
import { EX_USAGE, listTypes, runMakemap, type MakemapIO, type MakemapOptions } from "./makemap.js";

/** makemap's usage text. */
export const MAKEMAP_USAGE =
  "Usage: makemap [-C cffile] [-N] [-c cachesize] [-D commentchar]\n" +
  "               [-d] [-e] [-f] [-i type] [-l] [-o] [-r] [-s] [-t delimiter]\n" +
  "               [-u] [-v] type mapname\n";

/** Parse argv (without the program name) and run; returns the exit status. */
export function makemapMain(argv: readonly string[], io: MakemapIO, prog = "makemap"): number {
  const { events, operands } = getopt(argv, "C:D:Nc:deflorst:uvxi:", prog);
  const o = {
    cf: null as string | null,
    nul: false,
    comment: 0x23 as number | null,
    allowDups: false,
    allowEmpty: false,
    keepCase: false,
    fallbackType: null as string | null,
    append: false,
    replace: false,
    unsafe: false,
    sep: null as number | null,
    dump: false,
    verbose: false,
  };
  let bad = false;
  for (const ev of events) {
    if (ev.kind === "error") {
      io.stderr(ev.text);
      bad = true;
      continue;
    }
    const arg = ev.arg ?? "";
    switch (ev.opt) {
      case "C": o.cf = arg; break;
      case "D": o.comment = arg.length > 0 ? arg.charCodeAt(0) & 0xff : null; break;
      case "N": o.nul = true; break;
      case "c": break;
      case "d": o.allowDups = true; break;
      case "e": o.allowEmpty = true; break;
      case "f": o.keepCase = true; break;
      case "i": o.fallbackType = arg; break;
      case "l": io.stdout(listTypes(false)); return 0;
      case "x": io.stdout(listTypes(true)); return 0;
      case "o": o.append = true; break;
      case "r": o.replace = true; break;
      case "s": o.unsafe = true; break;
      case "t":
        if (arg.length === 0) io.stderr("Invalid separator\n");
        else o.sep = arg.charCodeAt(0) & 0xff;
        break;
      case "u": o.dump = true; break;
      case "v": o.verbose = true; break;
    }
  }
  if (bad || operands.length !== 2) {
    io.stderr(MAKEMAP_USAGE);
    return EX_USAGE;
  }
  const opts: MakemapOptions = { ...o, type: operands[0]!, name: operands[1]! };
  return runMakemap(opts, io);
}

