/*
 * mbox - one message as an mbox entry, the way mail.local stores it.
 *
 * An entry is a "From_" line, the message, and one empty line:
 *
 *   From SENDER Www Mmm dd hh:mm:ss yyyy      (ctime(3) in local time)
 *   Return-Path: <SENDER>                     (in-process delivery only)
 *   ...headers...
 *
 *   ...body...
 *                                             (the separating blank line)
 *
 * Lines are stored with bare LF: a CR right before an LF is dropped (other
 * CRs stay), and a message not ending in a newline gets one. Two styles:
 *
 *  - "mboxo" (default, upstream mail.local and sendmail's E flag): every
 *    line starting with "From " gets a ">" in front, so no reader can take
 *    a line of the message for the start of the next one.
 *
 *  - contentLength (what Debian's mail.local, built with CONTENTLENGTH,
 *    writes; checked byte for byte against /usr/libexec/sendmail/mail.local):
 *    Content-Length header lines of the message are dropped and a
 *    "Content-Length: N" (N = body bytes as stored) is put at the end of the
 *    header; only the first line is ">"-quoted if it starts with "From ",
 *    the body is left as it is. The header is every line up to the first
 *    empty one (or the whole message if it has none).
 *
 * Everything works on latin1 strings so 8-bit bytes pass through unchanged.
 */

export interface MboxOptions {
  /** Envelope sender; "" or "<>" is written MAILER-DAEMON on the From_ line. */
  readonly sender: string;
  /** Time for the From_ line (default: now). */
  readonly date?: Date;
  /** Debian mail.local style with a Content-Length header (default false). */
  readonly contentLength?: boolean;
  /**
   * Put "Return-Path: <sender>" first and drop any Return-Path the message
   * carried (RFC 5321 4.4, what sendmail's P mailer flag gives the local
   * mailer). mail.local itself leaves the header alone (default false).
   */
  readonly returnPath?: boolean;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function two(n: number): string {
  return n < 10 ? "0" + String(n) : String(n);
}

/** ctime(3) without its newline, in local time: "Wed Nov 25 03:58:19 2026". */
export function ctime(d: Date): string {
  const day = d.getDate();
  return (
    `${DAYS[d.getDay()]!} ${MONTHS[d.getMonth()]!} ${day < 10 ? " " + String(day) : String(day)} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${String(d.getFullYear())}`
  );
}

/** The sender as the From_ line shows it. */
export function fromLineSender(sender: string): string {
  return sender === "" || sender === "<>" ? "MAILER-DAEMON" : sender;
}

/** "From sender ctime\n". */
export function fromLine(sender: string, date: Date = new Date()): string {
  return `From ${fromLineSender(sender)} ${ctime(date)}\n`;
}

/** The Return-Path value for a sender: "<addr>", "<>" for the null sender. */
export function returnPathValue(sender: string): string {
  if (sender === "" || sender === "<>") return "<>";
  if (sender.startsWith("<") && sender.endsWith(">")) return sender;
  return `<${sender}>`;
}

/** Split into lines (without their LF), a CR before an LF dropped. */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  // every line but a final unterminated one had an LF after it: drop a CR just before it
  const unterminated = !text.endsWith("\n") && text !== "";
  const n = unterminated ? lines.length - 1 : lines.length;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (l.endsWith("\r")) lines[i] = l.slice(0, -1);
  }
  return lines;
}

function isHeaderNamed(line: string, lowerName: string): boolean {
  return line.length > lowerName.length && line.slice(0, lowerName.length + 1).toLowerCase() === lowerName + ":";
}

/** Drop header fields named lowerName, continuation lines included. */
function dropField(header: string[], lowerName: string): string[] {
  const out: string[] = [];
  let dropping = false;
  for (const l of header) {
    if (dropping && (l.startsWith(" ") || l.startsWith("\t"))) continue;
    dropping = isHeaderNamed(l, lowerName);
    if (!dropping) out.push(l);
  }
  return out;
}

/** The message (raw bytes) as an mbox entry, From_ line and trailing blank line included. */
export function formatMboxEntry(message: Buffer | string, opts: MboxOptions): Buffer {
  const text = typeof message === "string" ? message : message.toString("latin1");
  const lines = splitLines(text);
  const head = fromLine(opts.sender, opts.date ?? new Date());
  const rp = opts.returnPath === true ? `Return-Path: ${returnPathValue(opts.sender)}\n` : "";

  const blank = lines.indexOf("");
  let header = blank < 0 ? lines : lines.slice(0, blank);
  const body = blank < 0 ? null : lines.slice(blank + 1);
  if (opts.returnPath === true) header = dropField(header, "return-path");

  if (opts.contentLength === true) {
    if (text === "") return Buffer.from(head + rp + "\nContent-Length: 0\n\n", "latin1");
    // Debian mail.local drops the Content-Length lines themselves (not their continuations)
    const kept = header.filter((l) => !isHeaderNamed(l, "content-length"));
    // only the message's first line is quoted (it is never a header field, so it is kept[0])
    if ((lines[0] ?? "").startsWith("From ")) kept[0] = ">" + kept[0]!;
    const bodyText = body === null ? "" : body.map((l) => l + "\n").join("");
    let out = head + rp;
    for (const l of kept) out += l + "\n";
    out += `Content-Length: ${String(Buffer.byteLength(bodyText, "latin1"))}\n`;
    if (body !== null) out += "\n" + bodyText;
    out += "\n";
    return Buffer.from(out, "latin1");
  }

  let out = head + rp;
  const quote = (l: string): string => (l.startsWith("From ") ? ">" + l : l);
  for (const l of header) out += quote(l) + "\n";
  if (body !== null) {
    out += "\n";
    for (const l of body) out += quote(l) + "\n";
  }
  out += "\n";
  return Buffer.from(out, "latin1");
}
