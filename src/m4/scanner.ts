/*
 * scanner - splits m4 input into tokens
 *
 * The token kinds are GNU m4's: end of input, a quoted string (returned
 * without its outer quotes) or a comment (returned whole), a word (a name
 * that may be a macro), the three argument punctuators, a builtin token from
 * defn, and "simple" text. The quote and comment delimiters change at run
 * time (changequote, changecom), which is why this is a hand-written scanner
 * and not a generated one.
 *
 * Checks run in GNU's order: comment start, then word, then open quote, then
 * punctuation. Plain characters are returned in runs rather than one by one
 * (a run never mixes white space with other text, so argument collection can
 * still skip leading white space token by token).
 */

import { BlockKind, EOF, InputStack, MACDEF, lineOf, resolveMark, type Block, type Location } from "./input.js";
import type { BuiltinDef } from "./symtab.js";

/** Token kinds, as GNU m4 names them. */
export const enum Tok {
  Eof,
  String,
  Word,
  Open,
  Comma,
  Close,
  Simple,
  Macdef,
}

// Character class bits.
const WORD_START = 1;
const WORD_CHAR = 2;
const SPECIAL = 4; // may begin something other than plain text
const SPACE = 8;

/** Raised for the fatal scanner errors (end of file in a string or comment). */
export class ScanError extends Error {
  constructor(
    message: string,
    readonly where: Location,
  ) {
    super(message);
    this.name = "ScanError";
  }
}

/** The scanner: quote and comment syntax plus the token just read. */
export class Scanner {
  lquote = "`";
  rquote = "'";
  bcomm = "#";
  ecomm = "\n";
  /** Text of the last token (quoted strings without their quotes). */
  text = "";
  /** The builtin of the last Macdef token. */
  fn: BuiltinDef | null = null;
  private readonly cls = new Uint8Array(256);
  /** Runs of characters that need no attention (sticky). */
  private plainRe = /x/y;
  /** Runs of white space that need no attention (sticky). */
  private spaceRe = /x/y;
  /** The rest of a name after its first character (sticky). */
  private readonly wordRestRe = /[A-Za-z0-9_]+/y;

  constructor(readonly input: InputStack) {
    this.resetClasses();
  }

  /** setQuotes - install new quote delimiters (empty lquote disables quoting) */
  setQuotes(lq: string, rq: string): void {
    this.lquote = lq;
    this.rquote = rq;
    this.resetClasses();
  }

  /** setComments - install new comment delimiters (empty bcomm disables comments) */
  setComments(bc: string, ec: string): void {
    this.bcomm = bc;
    this.ecomm = ec;
    this.resetClasses();
  }

  /** resetClasses - recompute the character class table after a syntax change */
  private resetClasses(): void {
    const c = this.cls;
    c.fill(0);
    for (let i = 0; i < 256; i++) {
      const isAlpha = (i >= 65 && i <= 90) || (i >= 97 && i <= 122);
      const isDigit = i >= 48 && i <= 57;
      if (isAlpha || i === 95) c[i]! |= WORD_START | WORD_CHAR | SPECIAL;
      if (isDigit) c[i]! |= WORD_CHAR;
      if (i === 32 || (i >= 9 && i <= 13)) c[i]! |= SPACE;
    }
    c[40]! |= SPECIAL;
    c[41]! |= SPECIAL;
    c[44]! |= SPECIAL;
    if (this.lquote.length > 0) c[this.lquote.charCodeAt(0) & 255]! |= SPECIAL;
    if (this.bcomm.length > 0) c[this.bcomm.charCodeAt(0) & 255]! |= SPECIAL;
    // The same classes as regular expressions for the run scanners.
    let special = "";
    let space = "";
    for (let i = 0; i < 256; i++) {
      const hex = "\\x" + i.toString(16).padStart(2, "0");
      if ((c[i]! & SPECIAL) !== 0) special += hex;
      else if ((c[i]! & SPACE) !== 0) space += hex;
    }
    this.plainRe = new RegExp(`[^${special}]+`, "y");
    this.spaceRe = new RegExp(`[${space}]+`, "y");
  }

  /** isSpace - whether a char code is white space as C's isspace sees it */
  isSpace(ch: number): boolean {
    return ch >= 0 && (this.cls[ch]! & SPACE) !== 0;
  }

  /** peekIsOpen - whether the next token would be an open parenthesis */
  peekIsOpen(): boolean {
    const ch = this.input.peek();
    if (ch !== 40) return false;
    // "(" may also begin a comment or a quote, which win over Open.
    if (this.bcomm.length > 0 && this.bcomm.charCodeAt(0) === 40 && this.input.lookingAt(this.bcomm, false)) return false;
    if (this.lquote.length > 0 && this.lquote.charCodeAt(0) === 40 && this.input.lookingAt(this.lquote, false)) return false;
    return true;
  }

  /**
   * next - read the next token; its text is left in this.text. With
   * splitSpace, leading white space comes back as a token of its own (for
   * argument collection, which drops it); otherwise it joins the plain text
   * that follows.
   */
  next(splitSpace = false): Tok {
    const input = this.input;
    const b = input.top();
    if (b === undefined) {
      this.text = "";
      return Tok.Eof;
    }
    if (b.kind === BlockKind.Macdef) {
      b.pos = 1;
      this.fn = b.fn;
      this.text = "";
      return Tok.Macdef;
    }
    const t = b.text;
    const p = b.pos;
    const ch = t.charCodeAt(p);
    const cls = this.cls;
    const cl = cls[ch]!;
    if (splitSpace && (cl & (SPECIAL | SPACE)) === SPACE) {
      const re = this.spaceRe;
      re.lastIndex = p + 1;
      const q = re.test(t) ? re.lastIndex : p + 1;
      b.pos = q;
      this.text = t.slice(p, q);
      return Tok.Simple;
    }
    const q = this.plainRun(t, p);
    if (q > p) {
      b.pos = q;
      this.text = t.slice(p, q);
      return Tok.Simple;
    }
    if (this.bcomm.length > 0 && ch === this.bcomm.charCodeAt(0) && input.lookingAt(this.bcomm, true)) {
      return this.readComment(b, p);
    }
    if ((cl & WORD_START) !== 0) {
      this.text = this.readWord(b);
      return Tok.Word;
    }
    if (this.lquote.length > 0 && ch === this.lquote.charCodeAt(0) && input.lookingAt(this.lquote, true)) {
      return this.readQuoted(b, p);
    }
    b.pos = p + 1;
    this.text = t[p]!;
    if (ch === 40) return Tok.Open;
    if (ch === 44) return Tok.Comma;
    if (ch === 41) return Tok.Close;
    return Tok.Simple;
  }

  /**
   * plainRun - the end of the text from p that can go out as it is: plain
   * characters and names that are not macros. It stops before anything that
   * needs the scanner proper: quotes, comments, parentheses and commas, a
   * macro's name, and a name that reaches the end of the block (it may
   * continue in the block below). Treating such text as one token instead
   * of dozens is what keeps a cold run of a large .mc file fast.
   */
  private plainRun(t: string, p: number): number {
    // The character loops run as sticky regular expressions: a cold process
    // interprets JavaScript slowly, while regular expressions run as
    // compiled code from the first call.
    const plain = this.plainRe;
    const rest = this.wordRestRe;
    const n = t.length;
    const bc = this.bcomm;
    const bc0 = bc.length > 0 ? bc.charCodeAt(0) : -1;
    let q = p;
    for (;;) {
      plain.lastIndex = q;
      if (plain.test(t)) q = plain.lastIndex;
      if (q >= n) return q;
      const c = t.charCodeAt(q);
      if ((this.cls[c]! & WORD_START) === 0 || c === bc0) return q;
      rest.lastIndex = q + 1;
      const e = rest.test(t) ? rest.lastIndex : q + 1;
      if (e === n || this.isMacro(t.slice(q, e))) return q;
      q = e;
    }
  }

  /** Whether a name is defined (set by the interpreter). */
  isMacro: (name: string) => boolean = () => true;

  /** readWord - read a name, which may continue into the blocks below */
  private readWord(b: Block): string {
    const cls = this.cls;
    let t = b.text;
    let p = b.pos;
    let q = p + 1;
    while (q < t.length && (cls[t.charCodeAt(q)]! & WORD_CHAR) !== 0) q++;
    b.pos = q;
    if (q < t.length) return t.slice(p, q);
    // The block ran out inside the word: GNU keeps reading from below.
    let word = t.slice(p, q);
    for (;;) {
      const ch = this.input.peek();
      if (ch < 0 || (cls[ch]! & WORD_CHAR) === 0) return word;
      const nb = this.input.top()!;
      t = nb.text;
      p = nb.pos;
      q = p;
      while (q < t.length && (cls[t.charCodeAt(q)]! & WORD_CHAR) !== 0) q++;
      nb.pos = q;
      word += t.slice(p, q);
      if (q < t.length) return word;
    }
  }

  /**
   * startOf - the location a token began at, for its error message; worked
   * out only when the error happens (line numbers are not free)
   */
  private startOf(b: Block, p: number): () => Location {
    if (b.kind === BlockKind.File) return () => ({ file: b.name, line: lineOf(b, p + 1) });
    const m = this.input.mark();
    return () => resolveMark(m);
  }

  /** readComment - read the rest of a comment whose opener was consumed */
  private readComment(b: Block, start: number): Tok {
    const where = this.startOf(b, start);
    const parts: string[] = [this.bcomm];
    const ec = this.ecomm;
    const input = this.input;
    for (;;) {
      const cb = input.top();
      if (cb === undefined) throw new ScanError("ERROR: end of file in comment", where());
      if (cb.kind === BlockKind.Macdef) {
        cb.pos = 1;
        continue;
      }
      const t = cb.text;
      const p = cb.pos;
      if (ec.length > 0) {
        const i = t.indexOf(ec, p);
        if (i !== -1) {
          parts.push(t.slice(p, i), ec);
          cb.pos = i + ec.length;
          this.text = parts.join("");
          return Tok.String;
        }
      }
      // Not closed in this block: take all but a possible partial delimiter,
      // then step one character at a time across the block boundary.
      const keep = Math.max(p, t.length - Math.max(ec.length - 1, 0));
      parts.push(t.slice(p, keep));
      cb.pos = keep;
      while (cb.pos < t.length) {
        if (ec.length > 0 && input.lookingAt(ec, true)) {
          parts.push(ec);
          this.text = parts.join("");
          return Tok.String;
        }
        parts.push(t[cb.pos]!);
        cb.pos++;
      }
    }
  }

  /** readQuoted - read a quoted string whose open quote was consumed */
  private readQuoted(b: Block, start: number): Tok {
    const where = this.startOf(b, start);
    const lq = this.lquote;
    const rq = this.rquote;
    const input = this.input;
    const parts: string[] = [];
    let depth = 1;
    for (;;) {
      const cb = input.top();
      if (cb === undefined) throw new ScanError("ERROR: end of file in string", where());
      if (cb.kind === BlockKind.Macdef) {
        cb.pos = 1;
        continue;
      }
      const t = cb.text;
      let p = cb.pos;
      // Fast path: whole delimiters found inside this block.
      for (;;) {
        const ir = rq.length > 0 ? t.indexOf(rq, p) : -1;
        const il = t.indexOf(lq, p);
        if (ir !== -1 && (il === -1 || ir <= il)) {
          if (--depth === 0) {
            parts.push(t.slice(p, ir));
            cb.pos = ir + rq.length;
            this.text = parts.join("");
            return Tok.String;
          }
          parts.push(t.slice(p, ir + rq.length));
          p = ir + rq.length;
        } else if (il !== -1) {
          depth++;
          parts.push(t.slice(p, il + lq.length));
          p = il + lq.length;
        } else break;
      }
      // Neither delimiter closes in this block: copy up to where a delimiter
      // could straddle the boundary, then go character by character.
      const longest = Math.max(lq.length, rq.length);
      const keep = Math.max(p, t.length - (longest - 1));
      parts.push(t.slice(p, keep));
      cb.pos = keep;
      while (cb.pos < t.length) {
        if (rq.length > 0 && input.lookingAt(rq, true)) {
          if (--depth === 0) {
            this.text = parts.join("");
            return Tok.String;
          }
          parts.push(rq);
        } else if (input.lookingAt(lq, true)) {
          depth++;
          parts.push(lq);
        } else {
          parts.push(t[cb.pos]!);
          cb.pos++;
        }
      }
    }
  }
}

export { EOF, MACDEF };
