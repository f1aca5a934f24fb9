/*
 * eval_lex - the tokenizer of eval's expression language
 *
 * GNU m4 lexes one token at a time and lets the parser push the last token
 * back (by rewinding to where it began), so this is a cursor over the
 * expression rather than a token array: a malformed tail is never looked at
 * when an earlier error ends the evaluation, and what counts as "excess
 * input" is decided by where the cursor stopped.
 */

/** Token kinds, named after GNU's (ERROR is unlexable input, BADOP an assignment-like operator). */
export const enum Tok {
  Error,
  BadOp,
  Plus,
  Minus,
  Exponent,
  Times,
  Divide,
  Modulo,
  Assign,
  Eq,
  NotEq,
  Gt,
  GtEq,
  Ls,
  LsEq,
  LShift,
  RShift,
  LNot,
  LAnd,
  LOr,
  Not,
  And,
  Or,
  Xor,
  LeftP,
  RightP,
  Number,
  EoText,
}

/** True for the C locale's isspace set: space, \t, \n, \v, \f, \r. */
export function isCSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Value of c as a digit in bases up to 36 (either case), or 99 if it is none. */
function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** A cursor over one expression; `value` holds the last Number token's value. */
export class Lexer {
  private pos = 0;
  private start = 0;
  value = 0;

  constructor(private readonly text: string) {}

  /** True when only nothing is left after the cursor. */
  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** Step back to the start of the last token, so the next next() reads it again. */
  undo(): void {
    this.pos = this.start;
  }

  /** The next token; a Number's value goes to this.value. */
  next(): Tok {
    const s = this.text;
    let i = this.pos;
    while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
    this.start = i;
    if (i >= s.length) {
      this.pos = i;
      return Tok.EoText;
    }
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return this.number(i);
    const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    // Most operators are one char; where the second char matters it is
    // consumed only for the two-char tokens GNU recognizes, and an
    // assignment form (`+=', `--', ...) is BADOP so it can be reported as an
    // invalid operator rather than a syntax error.
    this.pos = i + 1;
    switch (c) {
      case 43: // +
        return d === 43 || d === 61 ? Tok.BadOp : Tok.Plus;
      case 45: // -
        return d === 45 || d === 61 ? Tok.BadOp : Tok.Minus;
      case 42: // *
        if (d === 42) {
          this.pos++;
          return Tok.Exponent;
        }
        return d === 61 ? Tok.BadOp : Tok.Times;
      case 47: // /
        return d === 61 ? Tok.BadOp : Tok.Divide;
      case 37: // %
        return d === 61 ? Tok.BadOp : Tok.Modulo;
      case 61: // =
        if (d === 61) {
          this.pos++;
          return Tok.Eq;
        }
        return Tok.Assign;
      case 33: // !
        if (d === 61) {
          this.pos++;
          return Tok.NotEq;
        }
        return Tok.LNot;
      case 62: // >
        if (d === 61) {
          this.pos++;
          return Tok.GtEq;
        }
        if (d === 62) {
          this.pos++;
          return s.charCodeAt(i + 2) === 61 ? Tok.BadOp : Tok.RShift;
        }
        return Tok.Gt;
      case 60: // <
        if (d === 61) {
          this.pos++;
          return Tok.LsEq;
        }
        if (d === 60) {
          this.pos++;
          return s.charCodeAt(i + 2) === 61 ? Tok.BadOp : Tok.LShift;
        }
        return Tok.Ls;
      case 94: // ^
        return d === 61 ? Tok.BadOp : Tok.Xor;
      case 126: // ~
        return Tok.Not;
      case 38: // &
        if (d === 38) {
          this.pos++;
          return Tok.LAnd;
        }
        return d === 61 ? Tok.BadOp : Tok.And;
      case 124: // |
        if (d === 124) {
          this.pos++;
          return Tok.LOr;
        }
        return d === 61 ? Tok.BadOp : Tok.Or;
      case 40:
        return Tok.LeftP;
      case 41:
        return Tok.RightP;
      default:
        return Tok.Error;
    }
  }

  /** Lex a number starting at i: decimal, 0 octal, 0x hex, 0b binary, 0rN: radix N. */
  private number(i: number): Tok {
    const s = this.text;
    let base = 10;
    if (s.charCodeAt(i) === 48) {
      i++;
      const c = s.charCodeAt(i);
      if (c === 120 || c === 88) {
        base = 16;
        i++;
      } else if (c === 98 || c === 66) {
        base = 2;
        i++;
      } else if (c === 114 || c === 82) {
        // The radix stops growing once past 36, so `0r0036:' is fine but a
        // long radix is rejected without overflowing.
        i++;
        base = 0;
        let d = s.charCodeAt(i);
        while (d >= 48 && d <= 57 && base <= 36) {
          base = base * 10 + (d - 48);
          d = s.charCodeAt(++i);
        }
        if (base === 0 || base > 36 || d !== 58) {
          this.pos = i;
          return Tok.Error;
        }
        i++;
      } else {
        base = 8;
      }
    }
    // Digits accumulate modulo 2^32, as GNU's unsigned arithmetic does; the
    // first char that is no digit of the base ends the number (and is then
    // lexed as the next token, usually giving "excess input").
    let v = 0;
    for (; i < s.length; i++) {
      const d = digitValue(s.charCodeAt(i));
      if (d === 99) break;
      if (base === 1) {
        // Unary: a run of 1s, after any leading 0s.
        if (d === 1) v = (v + 1) | 0;
        else if (d === 0 && v === 0) continue;
        else break;
      } else if (d >= base) {
        break;
      } else {
        v = (Math.imul(v, base) + d) | 0;
      }
    }
    this.pos = i;
    this.value = v;
    return Tok.Number;
  }
}
