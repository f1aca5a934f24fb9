/*
 * eval_parse - recursive-descent evaluator of eval's expression language
 *
 * Mirrors the shape of GNU m4 1.4.19's evaluator because its diagnostics
 * depend on that shape: each precedence level lexes an operator, and on
 * anything else steps back so the level above can look at it; an error
 * returns at once, leaving the rest unread. The short-circuit operators
 * swallow arithmetic errors (division by zero and the like) from their dead
 * right operand but still parse and evaluate it, so a dead `1/0 + 2' stops
 * after the 0 and the `+ 2' then shows up as excess input, exactly as GNU.
 *
 * All arithmetic is on 32-bit two's complement integers with wraparound.
 */

import { Lexer, Tok } from "./eval_lex.js";

/** Outcomes of a parse step; the order matters (see isArith). */
export const enum EvalErr {
  None,
  DivideZero,
  ModuloZero,
  NegativeExponent,
  Syntax,
  MissingRight,
  UnknownInput,
  InvalidOperator,
  ExcessInput,
}

/** Arithmetic errors are the ones a dead branch of && or || may ignore. */
function isArith(e: EvalErr): boolean {
  return e !== EvalErr.None && e < EvalErr.Syntax;
}

/** x ** n for n >= 0, modulo 2^32 (square-and-multiply gives the same bits as GNU's loop). */
function powInt32(x: number, n: number): number {
  let r = 1;
  while (n > 0) {
    if (n & 1) r = Math.imul(r, x);
    x = Math.imul(x, x);
    n >>>= 1;
  }
  return r;
}

/** One evaluation: the lexer, the value of the last term, and the warning sink. */
class Parser {
  v = 0;
  constructor(
    private readonly lx: Lexer,
    private readonly warn: (text: string) => void,
  ) {}

  /** Lowest level: a || b, where b's arithmetic errors are ignored when a is true. */
  lor(et: Tok): EvalErr {
    let er = this.land(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.LOr) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      er = this.land(t);
      if (er === EvalErr.None) this.v = left !== 0 || this.v !== 0 ? 1 : 0;
      else if (left !== 0 && isArith(er)) this.v = 1;
      else return er;
    }
    return this.end(op);
  }

  /** a && b, where b's arithmetic errors are ignored when a is false. */
  land(et: Tok): EvalErr {
    let er = this.bor(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.LAnd) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      er = this.bor(t);
      if (er === EvalErr.None) this.v = left !== 0 && this.v !== 0 ? 1 : 0;
      else if (left === 0 && isArith(er)) this.v = 0;
      else return er;
    }
    return this.end(op);
  }

  /** Bitwise a | b. */
  bor(et: Tok): EvalErr {
    let er = this.bxor(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.Or) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.bxor(t)) !== EvalErr.None) return er;
      this.v = left | this.v;
    }
    return this.end(op);
  }

  /** Bitwise a ^ b. */
  bxor(et: Tok): EvalErr {
    let er = this.band(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.Xor) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.band(t)) !== EvalErr.None) return er;
      this.v = left ^ this.v;
    }
    return this.end(op);
  }

  /** Bitwise a & b. */
  band(et: Tok): EvalErr {
    let er = this.equality(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.And) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.equality(t)) !== EvalErr.None) return er;
      this.v = left & this.v;
    }
    return this.end(op);
  }

  /** a == b, a != b, and a = b (accepted as == with a warning once b has parsed). */
  equality(et: Tok): EvalErr {
    let er = this.compare(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.Eq || op === Tok.NotEq || op === Tok.Assign) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.compare(t)) !== EvalErr.None) return er;
      if (op === Tok.Assign) this.warn("Warning: recommend ==, not =, for equality operator");
      this.v = (op === Tok.NotEq) !== (left === this.v) ? 1 : 0;
    }
    return this.end(op);
  }

  /** Relations a < b, a <= b, a > b, a >= b. */
  compare(et: Tok): EvalErr {
    let er = this.shift(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.Gt || op === Tok.GtEq || op === Tok.Ls || op === Tok.LsEq) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.shift(t)) !== EvalErr.None) return er;
      const r = this.v;
      const b = op === Tok.Gt ? left > r : op === Tok.GtEq ? left >= r : op === Tok.Ls ? left < r : left <= r;
      this.v = b ? 1 : 0;
    }
    return this.end(op);
  }

  /** a << b and a >> b: the count is taken modulo 32, >> keeps the sign (JS does both). */
  shift(et: Tok): EvalErr {
    let er = this.additive(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.LShift || op === Tok.RShift) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.additive(t)) !== EvalErr.None) return er;
      this.v = op === Tok.LShift ? left << this.v : left >> this.v;
    }
    return this.end(op);
  }

  /** a + b and a - b, wrapping. */
  additive(et: Tok): EvalErr {
    let er = this.multiplicative(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.Plus || op === Tok.Minus) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.multiplicative(t)) !== EvalErr.None) return er;
      this.v = op === Tok.Plus ? (left + this.v) | 0 : (left - this.v) | 0;
    }
    return this.end(op);
  }

  /** a * b, a / b, a % b: C truncating division; x / -1 and x % -1 never trap. */
  multiplicative(et: Tok): EvalErr {
    let er = this.exponent(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.Times || op === Tok.Divide || op === Tok.Modulo) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.exponent(t)) !== EvalErr.None) return er;
      const r = this.v;
      if (op === Tok.Times) {
        this.v = Math.imul(left, r);
      } else if (op === Tok.Divide) {
        if (r === 0) return EvalErr.DivideZero;
        // -INT_MIN wraps to INT_MIN; JS division would give 2^31.
        this.v = r === -1 ? -left | 0 : (left / r) | 0;
      } else {
        if (r === 0) return EvalErr.ModuloZero;
        this.v = r === -1 ? 0 : left % r | 0;
      }
    }
    return this.end(op);
  }

  /** a ** b, right associative and binding looser than unary minus (-2**2 is 4). */
  exponent(et: Tok): EvalErr {
    let er = this.unary(et);
    if (er !== EvalErr.None) return er;
    let op: Tok;
    while ((op = this.lx.next()) === Tok.Exponent) {
      const left = this.v;
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      if ((er = this.exponent(t)) !== EvalErr.None) return er;
      const n = this.v;
      if (n < 0) return EvalErr.NegativeExponent;
      // GNU reports 0**0 as a division by zero.
      if (left === 0 && n === 0) return EvalErr.DivideZero;
      this.v = powInt32(left, n);
    }
    return this.end(op);
  }

  /** Prefix + - ~ !, any number of them. */
  unary(et: Tok): EvalErr {
    if (et === Tok.Plus || et === Tok.Minus || et === Tok.Not || et === Tok.LNot) {
      const t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      const er = this.unary(t);
      if (er !== EvalErr.None) return er;
      if (et === Tok.Minus) this.v = -this.v | 0;
      else if (et === Tok.Not) this.v = ~this.v;
      else if (et === Tok.LNot) this.v = this.v === 0 ? 1 : 0;
      return EvalErr.None;
    }
    return this.primary(et);
  }

  /** A number or a parenthesized expression. */
  primary(et: Tok): EvalErr {
    if (et === Tok.Number) {
      this.v = this.lx.value;
      return EvalErr.None;
    }
    if (et === Tok.LeftP) {
      let t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      const er = this.lor(t);
      if (er !== EvalErr.None) return er;
      t = this.lx.next();
      if (t === Tok.Error) return EvalErr.UnknownInput;
      return t === Tok.RightP ? EvalErr.None : EvalErr.MissingRight;
    }
    return et === Tok.BadOp ? EvalErr.InvalidOperator : EvalErr.Syntax;
  }

  /** Close a level: unlexable input is an error here, anything else is pushed back. */
  private end(op: Tok): EvalErr {
    if (op === Tok.Error) return EvalErr.UnknownInput;
    this.lx.undo();
    return EvalErr.None;
  }
}

/** Evaluate expr (non-empty); the value is meaningful only when the error is None. */
export function evaluate(expr: string, warn: (text: string) => void): { err: EvalErr; value: number } {
  const lx = new Lexer(expr);
  const p = new Parser(lx, warn);
  let err = p.lor(lx.next());
  if (err === EvalErr.None && !lx.atEnd()) {
    err = lx.next() === Tok.BadOp ? EvalErr.InvalidOperator : EvalErr.ExcessInput;
  }
  return { err, value: p.v };
}
