/*
 * diag - how builtins report problems
 *
 * GNU m4 prints every diagnostic as "m4:FILE:LINE: TEXT" on stderr, where
 * FILE:LINE is the place the macro call began. Most of them (bad eval
 * expressions, excess arguments, non-numeric arguments) leave the exit status
 * alone; a few (a missing include file, an unterminated argument list) make
 * it 1. Builtins never print themselves: they call one of these two.
 */

/** The sink a builtin reports through; the interpreter adds the location. */
export interface Diag {
  /** A diagnostic that leaves the exit status as it is (unless -E is given). */
  warn(text: string): void;
  /** A diagnostic that makes the final exit status 1. */
  error(text: string): void;
}
