/*
 * reply - SMTP replies as values: { code, dsn, text }, formatted the way
 * sendmail prints them ("250 2.1.0 text", multi-line "214-2.0.0 ..." with a
 * final "214 2.0.0 ..."). dsn is the RFC 3463 enhanced status code, or null
 * for replies sendmail sends without one (greeting, EHLO lines, "354").
 */

export interface Reply {
  readonly code: number;
  readonly dsn: string | null;
  /** One string per line. */
  readonly lines: readonly string[];
  /** Close the connection after sending this reply (421 and friends). */
  readonly close?: boolean;
}

export function reply(code: number, dsn: string | null, text: string | readonly string[], close = false): Reply {
  const lines = typeof text === "string" ? [text] : text;
  return close ? { code, dsn, lines, close } : { code, dsn, lines };
}

/** The wire form of a reply, every line ending in CRLF. */
export function formatReply(r: Reply): string {
  const lines = r.lines.length === 0 ? [""] : r.lines;
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    const sep = i === lines.length - 1 ? " " : "-";
    out += `${r.code}${sep}${r.dsn === null ? "" : r.dsn + " "}${lines[i]}\r\n`;
  }
  return out;
}

/** Whether the reply is positive (2xx/3xx). */
export function isPositive(r: Reply): boolean {
  return r.code < 400;
}
