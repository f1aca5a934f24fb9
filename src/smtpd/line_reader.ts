/*
 * line_reader - the input side of a connection in command mode.
 *
 * Bytes are pushed in as they arrive (one push per socket read, which is
 * how "the same write" is detected: whatever is still buffered when a
 * command is answered arrived before its reply could have been seen).
 * Command lines end at LF; a CR before it is dropped. Like sendmail 8.17,
 * a bare LF is accepted as a line end in command mode and a bare CR is an
 * ordinary character of the command (only DATA rejects them, data_stream).
 * The DATA collector takes raw bytes from the same buffer (takeRaw) so that
 * commands sent after the final dot are read back in command mode.
 */

/** sendmail's limit on an SMTP command line (MAXLINE-ish input buffer). */
export const MAX_COMMAND_LINE = 12288;

export type ReadResult =
  | { readonly kind: "line"; readonly line: string }
  | { readonly kind: "tooLong" }
  | { readonly kind: "none" };

export class LineReader {
  private buf: Buffer = Buffer.alloc(0);
  private eof = false;

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
  }

  /** The peer closed its side. */
  end(): void {
    this.eof = true;
  }

  get ended(): boolean {
    return this.eof;
  }

  /** Bytes received but not consumed yet (pipelined / stuffed input). */
  hasBuffered(): boolean {
    return this.buf.length > 0;
  }

  /** Next complete command line (latin1, without CR LF). */
  readLine(maxLength = MAX_COMMAND_LINE): ReadResult {
    const lf = this.buf.indexOf(0x0a);
    if (lf < 0) {
      if (this.buf.length > maxLength) return { kind: "tooLong" };
      return { kind: "none" };
    }
    if (lf > maxLength) return { kind: "tooLong" };
    const end = lf > 0 && this.buf[lf - 1] === 0x0d ? lf - 1 : lf;
    const line = this.buf.subarray(0, end).toString("latin1");
    this.buf = this.buf.subarray(lf + 1);
    return { kind: "line", line };
  }

  /** Take all buffered bytes (DATA mode); unconsumed ones go back with unshift(). */
  takeRaw(): Buffer {
    const b = this.buf;
    this.buf = Buffer.alloc(0);
    return b;
  }

  unshift(b: Buffer): void {
    if (b.length > 0) this.buf = this.buf.length === 0 ? b : Buffer.concat([b, this.buf]);
  }
}
