/*
 * cli/praliases - the `praliases` command: argv and standard streams in, exit
 * status out; everything else is src/alias/.
 */

import { praliasesMain } from "../alias/praliases.js";
import { readStdin, writeAll } from "../map/sysio.js";

process.exitCode = praliasesMain(
  process.argv.slice(2),
  { stdin: readStdin, stdout: (s) => writeAll(1, s), stderr: (s) => writeAll(2, s) },
  process.argv[1] ?? "praliases",
);
