/*
 * data_stream - the message text after "354": dot-unstuffing, the end of
 * data, size and hop counting.
 *
 * As Debian's sendmail 8.17.1.9 with the SMTP smuggling fix (CVE-2023-51765,
 * sendmail 8.18's behaviour): only CR LF "." CR LF ends the message; a bare
 * LF (not preceded by CR) or a bare CR (not followed by LF) anywhere in the
 * data is an error, answered with "421 4.5.0 Bare linefeed (LF) not allowed"
 * / "... carriage return (CR) ..." and the connection is closed. Options
 * allowBareLf / allowBareCr (srv_features relaxations) turn a bare LF into
 * a line end and keep a bare CR as data; even then LF "." LF does not end
 * the message.
 *
 * Output lines go to the sink with LF line ends (as sendmail's df file);
 * the size is counted on that form, the leading dot of stuffed lines
 * removed. Received: header fields in the header section are counted as
 * hops (sendmail's e_hopcount).
 */

export type DataEvent =
  | { readonly kind: "more" }
  | { readonly kind: "end"; readonly rest: Buffer }
  | { readonly kind: "bareLf" }
  | { readonly kind: "bareCr" };

export interface DataOptions {
  readonly allowBareLf?: boolean;
  readonly allowBareCr?: boolean;
}

export class DataStream {
  /** Bytes of the current (incomplete) line. */
  private line: number[] = [];
  private pendingCr = false;
  private inHeaders = true;
  /** Message size in octets (LF line ends). */
  size = 0;
  /** Number of Received: header fields. */
  hops = 0;

  constructor(
    private readonly write: (chunk: Buffer) => void,
    private readonly opts: DataOptions = {},
  ) {}

  /** Feed bytes; returns what happened. Bytes after the end of data are returned in rest. */
  feed(b: Buffer): DataEvent {
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === 0x0a) {
          if (this.endLine()) return { kind: "end", rest: b.subarray(i + 1) };
          continue;
        }
        if (this.opts.allowBareCr !== true) return { kind: "bareCr" };
        this.line.push(0x0d);
      }
      if (c === 0x0d) {
        this.pendingCr = true;
      } else if (c === 0x0a) {
        if (this.opts.allowBareLf !== true) return { kind: "bareLf" };
        // a bare LF ends the line but can never end the message
        this.endLine(false);
      } else {
        this.line.push(c);
      }
    }
    return { kind: "more" };
  }

  /** Complete a line; true if it was the final ".". */
  private endLine(mayEnd = true): boolean {
    let bytes = this.line;
    this.line = [];
    if (bytes.length > 0 && bytes[0] === 0x2e) {
      if (bytes.length === 1 && mayEnd) return true;
      bytes = bytes.slice(1);
    }
    const text = Buffer.from(bytes);
    this.trackHeaders(text);
    this.size += text.length + 1;
    this.write(Buffer.concat([text, Buffer.from([0x0a])]));
    return false;
  }

  private trackHeaders(text: Buffer): void {
    if (!this.inHeaders) return;
    const s = text.toString("latin1");
    if (s === "") {
      this.inHeaders = false;
      return;
    }
    if (s[0] === " " || s[0] === "\t") return; // continuation
    if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(s)) {
      this.inHeaders = false;
      return;
    }
    if (/^received[ \t]*:/i.test(s)) this.hops++;
  }
}
