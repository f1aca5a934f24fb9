/*
 * cli/makemap - the `makemap` command: argv and standard streams in,
 * exit status out; everything else is src/map/makemap_cli.
 */

import { makemapMain } from "../map/makemap_cli.js";
import { readStdin, writeAll } from "../map/sysio.js";

process.exitCode = makemapMain(
  process.argv.slice(2),
  { stdin: readStdin, stdout: (s) => writeAll(1, s), stderr: (s) => writeAll(2, s) },
  process.argv[1] ?? "makemap",
);
