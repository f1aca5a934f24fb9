/*
 * cli/m4_main - the `m4` command proper: runs the processor on fds 0, 1, 2
 * (loaded by cli/m4 after it has tuned the JavaScript engine)
 */

import { fs } from "../util/node.js";
import { runMain } from "../m4/run.js";
import type { Sink } from "../m4/output.js";

/** writeAll - write a latin1 string to a descriptor, riding out EAGAIN */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, "latin1");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
        continue;
      }
      if (code === "EPIPE") process.exit(1);
      throw e;
    }
  }
}

/** A sink on fds 1 and 2: standard output buffered, standard error not. */
class FdSink implements Sink {
  readonly childStderrInherit = true;
  private buf: string[] = [];
  private size = 0;
  out(text: string): void {
    this.buf.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) this.flush();
  }
  err(text: string): void {
    writeAll(2, text);
  }
  flush(): void {
    if (this.size === 0 && this.buf.length === 0) return;
    const s = this.buf.join("");
    this.buf = [];
    this.size = 0;
    if (s.length > 0) writeAll(1, s);
  }
}

/** main - run and exit */
function main(): void {
  const sink = new FdSink();
  let stdinRead = false;
  let status: number;
  try {
    // Arguments reach us decoded from UTF-8; m4 works on bytes, one char each.
    const argv = process.argv.slice(2).map((a) => Buffer.from(a, "utf8").toString("latin1"));
    status = runMain(argv, {
      sink,
      cwd: process.cwd(),
      env: process.env,
      program: "m4",
      readFile: (p) => fs.readFileSync(Buffer.from(p, "latin1"), "latin1"),
      readStdin: () => {
        if (stdinRead) return "";
        stdinRead = true;
        try {
          return fs.readFileSync(0, "latin1");
        } catch {
          return "";
        }
      },
    });
  } catch (e) {
    sink.flush();
    writeAll(2, `m4: internal error: ${(e as Error).message}\n`);
    status = 1;
  }
  sink.flush();
  process.exitCode = status;
}

main();
