/*
 * makemap_input - the text makemap reads: one "key value" pair a line.
 *
 * As sendmail 8.17's makemap reads it: lines are taken as fgets() with a
 * 1024-byte buffer takes them (a longer line is an error, and its rest is
 * read as the next line); a NUL byte ends the line's text; empty lines and
 * lines starting with the comment character are skipped; without -t a line
 * may not start with white space; the key ends at the first white space
 * (or the -t character), the value starts after the run of white space (or
 * of -t characters) and runs to the end of the line, trailing blanks and
 * carriage returns included; keys are lower-cased (ASCII) unless -f; -N
 * stores a terminating NUL with key and value.
 */

/** How to read the input. */
export interface InputOptions {
  /** The -t delimiter as a byte, or null for white space. */
  readonly sep: number | null;
  /** The comment character as a byte (-D; default '#'), or null for none. */
  readonly comment: number | null;
  /** Keep the case of keys (-f). */
  readonly keepCase: boolean;
  /** Store a terminating NUL with keys and values (-N). */
  readonly nul: boolean;
  /** Allow an empty value (-e). */
  readonly allowEmpty: boolean;
}

/**
 * One parsed line: a pair (key and value may be views into the input: copy
 * them to keep them), or an error message without the "makemap: map: " prefix.
 */
export type InputItem =
  | { readonly kind: "entry"; readonly line: number; readonly key: Buffer; readonly value: Buffer }
  | { readonly kind: "error"; readonly line: number; readonly text: string };

/** fgets()'s buffer size in makemap. */
export const LINE_BUFFER = 1024;

/** C isspace() in the C locale. */
export function isCSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** bytes with ASCII upper case folded to lower case (a copy only when something changes). */
function lowerAscii(b: Buffer): Buffer {
  let out: Buffer | null = null;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x41 && c <= 0x5a) {
      if (out === null) out = Buffer.from(b);
      out[i] = c + 32;
    }
  }
  return out ?? b;
}

/** b with a NUL byte appended. */
function withNul(b: Buffer): Buffer {
  const out = Buffer.alloc(b.length + 1);
  b.copy(out);
  return out;
}

/** Parse the line data[start, end) (no newline) into an item, or null to skip it. */
function parseLine(data: Buffer, start: number, end: number, lineno: number, o: InputOptions): InputItem | null {
  if (start === end || (o.comment !== null && data[start] === o.comment)) return null;
  if (o.sep === null && isCSpace(data[start]!)) return { kind: "error", line: lineno, text: "syntax error (leading space)" };
  let p = start;
  if (o.sep === null) while (p < end && !isCSpace(data[p]!)) p++;
  else while (p < end && data[p] !== o.sep) p++;
  let key = data.subarray(start, p);
  if (!o.keepCase) key = lowerAscii(key);
  if (o.sep === null) while (p < end && isCSpace(data[p]!)) p++;
  else while (p < end && data[p] === o.sep) p++;
  if (p === end && !o.allowEmpty) {
    return { kind: "error", line: lineno, text: `no RHS for LHS ${key.toString("latin1")}` };
  }
  const value = data.subarray(p, end);
  return { kind: "entry", line: lineno, key: o.nul ? withNul(key) : key, value: o.nul ? withNul(value) : value };
}

/** Every item of makemap input, in order. */
export function* parseMakemapInput(data: Buffer, o: InputOptions): Generator<InputItem> {
  let pos = 0;
  let lineno = 0;
  const n = data.length;
  while (pos < n) {
    const limit = Math.min(n, pos + LINE_BUFFER - 1);
    let nl = data.indexOf(0x0a, pos);
    if (nl < 0 || nl >= limit) nl = -1;
    const end = nl >= 0 ? nl + 1 : limit;
    const hitEof = nl < 0 && end === n && end - pos < LINE_BUFFER - 1;
    const start = pos;
    pos = end;
    lineno++;
    // the C string ends at a NUL; the line must end with a newline within it
    let textEnd = nl >= 0 ? nl : end;
    let nul = start;
    while (nul < textEnd && data[nul] !== 0) nul++;
    if (nul < textEnd) {
      if (!hitEof) {
        yield { kind: "error", line: lineno, text: `line too long (${LINE_BUFFER} bytes max)` };
        continue;
      }
      textEnd = nul;
    } else if (nl < 0 && !hitEof) {
      yield { kind: "error", line: lineno, text: `line too long (${LINE_BUFFER} bytes max)` };
      continue;
    }
    const item = parseLine(data, start, textEnd, lineno, o);
    if (item !== null) yield item;
  }
}
