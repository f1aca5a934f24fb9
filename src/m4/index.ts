/*
 * m4 - a macro processor that behaves like GNU m4 1.4.19
 *
 * `runM4` runs one m4 command line in process and returns what it printed;
 * the `m4` command (src/cli/m4.ts) runs the same code against real file
 * descriptors.
 */

import { fs } from "../util/node.js";
import { MemorySink } from "./output.js";
import { runMain } from "./run.js";

/** Options of an in-process run. */
export interface RunM4Options {
  /** Command-line arguments, without the program name. */
  args: string[];
  /** Working directory for file names (default: process.cwd()). */
  cwd?: string;
  /** Standard input, as text (default: empty). */
  stdin?: string;
  /** Environment (default: process.env). */
  env?: Record<string, string | undefined>;
}

/** What an in-process run printed, and its exit status. */
export interface RunM4Result {
  stdout: string;
  stderr: string;
  status: number;
}

/** runM4 - run m4 in this process; output strings are latin1 (one char per byte) */
export async function runM4(opts: RunM4Options): Promise<RunM4Result> {
  return runM4Sync(opts);
}

/** runM4Sync - runM4 without the promise */
export function runM4Sync(opts: RunM4Options): RunM4Result {
  const sink = new MemorySink();
  let stdin = opts.stdin === undefined ? "" : Buffer.from(opts.stdin, "utf8").toString("latin1");
  const status = runMain(opts.args, {
    sink,
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? process.env,
    program: "m4",
    readFile: (p) => fs.readFileSync(Buffer.from(p, "latin1"), "latin1"),
    readStdin: () => {
      const s = stdin;
      stdin = "";
      return s;
    },
  });
  return { stdout: sink.stdout(), stderr: sink.stderr(), status };
}
