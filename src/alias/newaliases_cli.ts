/*
 * alias/newaliases_cli - the newaliases command line.
 *
 *   newaliases [-C cffile] [-O option=value]... [-v]
 *
 * (sendmail's other options are accepted and ignored). The databases are
 * those of the cf's AliasFile option; see newaliases.ts for the rebuild.
 */

import { basename } from "node:path";
import { getopt } from "../map/getopt.js";
import type { MakemapIO } from "../map/makemap.js";
import { loadAliasConfig } from "./alias_config.js";
import { rebuildAliases } from "./newaliases.js";

/** sysexits values. */
const EX_USAGE = 64;
const EX_OSFILE = 72;

/** Run newaliases with argv (without the program name); returns the exit status. */
export function newaliasesMain(argv: readonly string[], io: MakemapIO, prog = "newaliases"): number {
  const { events } = getopt(argv, "B:b:C:d:F:f:h:iL:M:N:nO:o:p:q:R:r:sTtV:vX:", prog);
  let cf: string | null = null;
  const overrides: string[] = [];
  for (const ev of events) {
    if (ev.kind === "error") {
      // sendmail's own getopt words it the BSD way
      io.stderr(ev.text.replace("invalid option", "illegal option").replace(/-- '(.)'/, "-- $1"));
      return EX_USAGE;
    }
    if (ev.opt === "C") cf = ev.arg;
    else if (ev.opt === "O") overrides.push(ev.arg ?? "");
  }
  return newaliasesWithConfig(cf, overrides, io, basename(prog));
}

/**
 * Rebuild the alias databases named by the configuration (cf file, or the
 * default one when null, with -O overrides) - what `sendmail -bi` runs.
 * Returns the exit status; everything is printed on io.stdout as sendmail does.
 */
export function newaliasesWithConfig(cf: string | null, overrides: readonly string[], io: MakemapIO, prog = "newaliases"): number {
  const conf = loadAliasConfig(cf, overrides);
  if ("error" in conf) {
    io.stdout(`${conf.error.replace(/: /, ": line 0: cannot open: ")}\n`);
    return EX_OSFILE;
  }
  const r = rebuildAliases({
    prog,
    databases: conf.databases,
    isLocalDomain: conf.isLocalDomain,
    ...(conf.trustedUid !== undefined ? { uid: conf.trustedUid } : {}),
  });
  io.stdout(r.stdout);
  io.stderr(r.stderr);
  return r.status;
}
