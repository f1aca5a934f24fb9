/*
 * diag - sendmail's error reporting while reading the cf file.
 *
 * syserr() and usrerr() print "FILE: line N: TEXT" (the file name shortened
 * to 83 characters, the text stripped to 7 bits, an errno text appended as
 * ": strerror"); message() prints the same way; a few warnings are printed
 * raw. The first syserr() decides the exit status: EX_SOFTWARE without an
 * errno, EX_OSERR with one. Nothing here throws.
 */

import { EX_OK, EX_OSERR, EX_SOFTWARE, type CfError } from "./model.js";

/** sendmail's shortenstring(): keep head and tail of a string longer than m. */
export function shortenString(s: string, m: number): string {
  const MAXSHORTSTR = 203;
  const l = s.length;
  if (l < m) return s;
  if (m > MAXSHORTSTR) m = MAXSHORTSTR;
  else if (m < 10) {
    if (m < 5) return s.slice(0, m);
    return s.slice(0, m - 3) + "...";
  }
  const half = Math.floor((m - 3) / 2);
  return s.slice(0, half) + "..." + s.slice(l - half);
}

/** Strip every char to 7 bits, as fmtmsg() does with message text. */
export function strip8(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      let out = "";
      for (let j = 0; j < s.length; j++) out += String.fromCharCode(s.charCodeAt(j) & 0x7f);
      return out;
    }
  }
  return s;
}

/** strerror() texts for the errno values the loader can produce. */
export const ERRNO_TEXT = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  EISDIR: "Is a directory",
  ENOTDIR: "Not a directory",
  EPROTONOSUPPORT: "Protocol not supported",
  ENAMETOOLONG: "File name too long",
  REGONLY: "Regular files only",
} as const;

/** Collects diagnostics; knows the current file name and line number. */
export class Diagnostics {
  readonly list: CfError[] = [];
  exitStatus = EX_OK;
  /** Set by a fatal error: the loader stops reading. */
  stopped = false;
  file: string | null;
  line = 0;

  constructor(file: string | null) {
    this.file = file;
  }

  private prefix(): string {
    return this.file === null ? "" : `${shortenString(this.file, 83)}: line ${this.line}: `;
  }

  private push(
    severity: CfError["severity"],
    message: string,
    withLocation: boolean,
    exitStatus: number | null,
    fatal: boolean,
  ): void {
    const text = withLocation ? this.prefix() + message : message;
    this.list.push({
      severity,
      file: withLocation ? this.file : null,
      line: withLocation && this.file !== null ? this.line : null,
      message,
      text,
      exitStatus,
      fatal,
    });
  }

  /** syserr(fmt...): errnoText is the strerror() of a non-zero errno. */
  syserr(message: string, errnoText?: string): void {
    let msg = strip8(message);
    if (errnoText !== undefined) msg += ": " + errnoText;
    const status = errnoText === undefined ? EX_SOFTWARE : EX_OSERR;
    if (this.exitStatus === EX_OK) this.exitStatus = status;
    this.push("error", msg, true, status, false);
  }

  /** usrerr(fmt...): an error that does not set the exit status. */
  usrerr(message: string): void {
    this.push("usererror", strip8(message), true, null, false);
  }

  /** message(fmt...): a notice printed like an error (with location). */
  notice(message: string): void {
    this.push("notice", strip8(message), true, null, false);
  }

  /** A warning sendmail prints with sm_io_fprintf(smioout, ...) (no location, not stripped). */
  warning(text: string): void {
    this.push("warning", text, false, null, false);
  }

  /** syserr() followed by finis(..., status): sendmail exits. */
  fatal(message: string, status: number, errnoText?: string): void {
    let msg = strip8(message);
    if (errnoText !== undefined) msg += ": " + errnoText;
    if (this.exitStatus === EX_OK) this.exitStatus = errnoText === undefined ? EX_SOFTWARE : EX_OSERR;
    this.push("error", msg, true, status, true);
    this.exitStatus = status;
    this.stopped = true;
  }

  /** A syserr() printed after the file was read (no location). */
  syserrNoLocation(message: string, status?: number): void {
    const st = status ?? EX_SOFTWARE;
    if (this.exitStatus === EX_OK) this.exitStatus = st;
    this.push("error", strip8(message), false, st, false);
  }

  /** A message() after the file was read (no location). */
  noticeNoLocation(message: string): void {
    this.push("notice", strip8(message), false, null, false);
  }
}
