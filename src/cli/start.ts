/*
 * cli/start - `npm start`: build the embedded default configuration
 *
 * Compiles etc-mail/sendmail.mc with this project's m4 into var/sendmail.cf
 * (written atomically: temp file, fsync, rename) and says where it went.
 * Later stages (maps, the daemon) extend this command.
 */

import { existsSync, mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runM4Sync } from "../m4/index.js";

/** The checkout this script belongs to (dist/cli/ is two levels down). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** cfLibrary - our cf/ macro library, or Debian's while ours is being written */
function cfLibrary(): string | null {
  const ours = join(ROOT, "cf", "m4", "cf.m4");
  if (existsSync(ours)) return ours;
  const debian = "/usr/share/sendmail/cf/m4/cf.m4";
  if (existsSync(debian)) return debian;
  return null;
}

/** writeAtomic - write a file so a reader never sees half of it */
function writeAtomic(path: string, data: Buffer): void {
  const tmp = `${path}.tmp.${process.pid}`;
  const fd = openSync(tmp, "w", 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** main - compile and report */
function main(): number {
  const mc = join(ROOT, "etc-mail", "sendmail.mc");
  const lib = cfLibrary();
  if (lib === null) {
    process.stderr.write(
      "start: no cf macro library found: cf/m4/cf.m4 is not in this checkout yet " +
        "and Debian's sendmail-cf is not installed (apt-get install sendmail-cf)\n",
    );
    return 1;
  }
  const r = runM4Sync({ args: [`-D_SM_ROOT_=${ROOT}`, lib, mc], cwd: join(ROOT, "etc-mail") });
  process.stderr.write(Buffer.from(r.stderr, "latin1"));
  if (r.status !== 0) {
    process.stderr.write(`start: m4 failed (exit ${r.status}); var/sendmail.cf left as it was\n`);
    return r.status;
  }
  mkdirSync(join(ROOT, "var"), { recursive: true });
  const out = join(ROOT, "var", "sendmail.cf");
  writeAtomic(out, Buffer.from(r.stdout, "latin1"));
  process.stdout.write(`start: compiled ${mc}\n       with ${lib}\n       into ${out} (${r.stdout.length} bytes)\n`);
  return 0;
}

process.exitCode = main();
