/*
 * cli/newaliases - the `newaliases` command: argv and standard streams in, exit
 * status out; everything else is src/alias/.
 */

import { newaliasesMain } from "../alias/newaliases_cli.js";
import { readStdin, writeAll } from "../map/sysio.js";

process.exitCode = newaliasesMain(
  process.argv.slice(2),
  { stdin: readStdin, stdout: (s) => writeAll(1, s), stderr: (s) => writeAll(2, s) },
  process.argv[1] ?? "newaliases",
);
