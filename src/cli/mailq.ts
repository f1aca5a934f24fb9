/*
 * cli/mailq - the `mailq` command: argv in, output and exit status out;
 * the work is done in src/queue/.
 */

import { mailqMain } from "../queue/mailq_main.js";
import { fs } from "../util/node.js";

function writeAll(fd: number, s: string): void {
  const buf = Buffer.from(s, "latin1");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      throw e;
    }
  }
}

process.exitCode = await mailqMain(process.argv.slice(2), {
  stdout: (s) => writeAll(1, s),
  stderr: (s) => writeAll(2, s),
});
