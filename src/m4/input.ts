/*
 * input - the m4 input stack
 *
 * m4 reads from a stack of blocks: files named on the command line or
 * included, strings (macro expansions pushed back to be rescanned), and
 * builtin definitions handed back by `defn`. Reading takes from the top block
 * and falls through to the one below when it runs dry, so a word or a quoted
 * string may span blocks, as in GNU m4.
 *
 * Text is kept as "binary" strings: one JS char per input byte, so lengths and
 * offsets are byte counts and any byte passes through unchanged.
 *
 * Line numbers are only needed for diagnostics, __line__ and tracing, so they
 * are computed on demand from a file block's read position (with a cursor
 * cache) instead of being counted on every character.
 */

import type { BuiltinDef } from "./symtab.js";

/** Marks the kinds of input block. */
export const enum BlockKind {
  String = 0,
  File = 1,
  Macdef = 2,
}

/** One block of the input stack. */
export interface Block {
  kind: BlockKind;
  text: string;
  pos: number;
  /** File name as m4 reports it (files only). */
  name: string;
  /** A builtin handed back by defn (macdef blocks only). */
  fn: BuiltinDef | null;
  /** Line-number cache: the line of the char before cachePos. */
  cachePos: number;
  cacheLine: number;
  /**
   * Where a string block's text is said to come from: the place of the macro
   * call that produced it (or of the m4wrap call that saved it). While it is
   * read, __line__ and diagnostics report that place, as in GNU m4.
   */
  loc: Mark | null;
}

/** A point in the input remembered cheaply (a file block and a position in it). */
export interface Mark {
  block: Block | undefined;
  pos: number;
}

/** Where the interpreter is in its input, for messages and __line__. */
export interface Location {
  file: string;
  line: number;
}

/** The end-of-input marker returned by peek/next. */
export const EOF = -1;
/** Returned by peek/next when the next input is a builtin token (defn). */
export const MACDEF = -2;

/** newBlock - make a block with empty line cache */
function newBlock(kind: BlockKind, text: string, name: string, fn: BuiltinDef | null): Block {
  return { kind, text, pos: 0, name, fn, cachePos: 0, cacheLine: 1, loc: null };
}

/** lineOf - line number of the last character read from a file block */
export function lineOf(b: Block, pos: number): number {
  // The newline that ends a line belongs to that line: the line advances
  // only when the character after it is read, as GNU m4 counts.
  const upto = pos - 1;
  let from = b.cachePos;
  let line = b.cacheLine;
  if (upto < from) {
    from = 0;
    line = 1;
  }
  const text = b.text;
  let i = text.indexOf("\n", from);
  while (i !== -1 && i < upto) {
    line++;
    i = text.indexOf("\n", i + 1);
  }
  if (upto > from) {
    b.cachePos = upto;
    b.cacheLine = line;
  }
  return line;
}

/** The input stack proper. */
export class InputStack {
  readonly blocks: Block[] = [];
  /** Called when a file has been read to its end and leaves the stack. */
  onFilePop: ((file: Block) => void) | null = null;
  /** pushString - push text to be read next, coming from loc (no-op when empty) */
  pushString(text: string, loc: Mark): void {
    if (text.length === 0) return;
    const top = this.blocks[this.blocks.length - 1];
    // Fast path: a string block that is fully read can simply be reused.
    if (top !== undefined && top.kind === BlockKind.String && top.pos >= top.text.length) {
      top.text = text;
      top.pos = 0;
      top.loc = loc;
      return;
    }
    const b = newBlock(BlockKind.String, text, "", null);
    b.loc = loc;
    this.blocks.push(b);
  }

  /** pushFile - push a whole file's text, read next */
  pushFile(name: string, text: string): void {
    this.blocks.push(newBlock(BlockKind.File, text, name, null));
  }

  /** pushMacdef - push a builtin token (the result of defn of a builtin) */
  pushMacdef(fn: BuiltinDef): void {
    this.blocks.push(newBlock(BlockKind.Macdef, "", "", fn));
  }

  /** top - the topmost block with input left, popping spent ones */
  top(): Block | undefined {
    const blocks = this.blocks;
    for (;;) {
      const b = blocks[blocks.length - 1];
      if (b === undefined) return undefined;
      if (b.kind === BlockKind.Macdef ? b.pos === 0 : b.pos < b.text.length) return b;
      blocks.pop();
      if (b.kind === BlockKind.File && this.onFilePop !== null) this.onFilePop(b);
    }
  }

  /** peek - next char code (or EOF / MACDEF) without consuming it */
  peek(): number {
    const blocks = this.blocks;
    for (let k = blocks.length - 1; k >= 0; k--) {
      const b = blocks[k]!;
      if (b.kind === BlockKind.Macdef) {
        if (b.pos === 0) return MACDEF;
        continue;
      }
      if (b.pos < b.text.length) return b.text.charCodeAt(b.pos);
    }
    return EOF;
  }

  /** next - consume and return the next char code (or EOF / MACDEF) */
  next(): number {
    const b = this.top();
    if (b === undefined) return EOF;
    if (b.kind === BlockKind.Macdef) {
      b.pos = 1;
      return MACDEF;
    }
    return b.text.charCodeAt(b.pos++);
  }

  /** takeMacdef - the builtin of the macdef block just read by next() */
  lastMacdef(): BuiltinDef | null {
    for (let k = this.blocks.length - 1; k >= 0; k--) {
      const b = this.blocks[k]!;
      if (b.kind === BlockKind.Macdef && b.pos === 1) return b.fn;
      if (b.kind !== BlockKind.Macdef && b.pos < b.text.length) break;
    }
    return null;
  }

  /**
   * lookingAt - whether the upcoming input starts with s (which is non-empty);
   * consumes it when consume is set. Crosses block boundaries.
   */
  lookingAt(s: string, consume: boolean): boolean {
    const n = s.length;
    const blocks = this.blocks;
    let k = blocks.length - 1;
    // Fast path: all of s lies within the top non-empty block.
    while (k >= 0) {
      const b = blocks[k]!;
      if (b.kind === BlockKind.Macdef) {
        if (b.pos === 0) return false;
      } else if (b.pos < b.text.length) {
        if (b.text.length - b.pos >= n) {
          if (!b.text.startsWith(s, b.pos)) return false;
          if (consume) b.pos += n;
          return true;
        }
        break;
      }
      k--;
    }
    // Slow path across blocks.
    let i = 0;
    const marks: Array<[Block, number]> = [];
    for (; k >= 0 && i < n; k--) {
      const b = blocks[k]!;
      if (b.kind === BlockKind.Macdef) {
        if (b.pos === 0) return false;
        continue;
      }
      let p = b.pos;
      while (p < b.text.length && i < n) {
        if (b.text.charCodeAt(p) !== s.charCodeAt(i)) return false;
        p++;
        i++;
      }
      marks.push([b, p]);
    }
    if (i < n) return false;
    if (consume) for (const [b, p] of marks) b.pos = p;
    return true;
  }

  /** mark - the current position, cheap to take */
  mark(): Mark {
    const blocks = this.blocks;
    for (let k = blocks.length - 1; k >= 0; k--) {
      const b = blocks[k]!;
      if (b.kind === BlockKind.File) return { block: b, pos: b.pos };
      if (b.loc !== null) return b.loc;
    }
    return { block: undefined, pos: 0 };
  }

  /** location - file and line of the current position */
  location(): Location {
    return resolveMark(this.mark());
  }
}

/** resolveMark - the file and line a mark stands for */
export function resolveMark(m: Mark): Location {
  const b = m.block;
  return b === undefined ? { file: "", line: 0 } : { file: b.name, line: lineOf(b, m.pos) };
}
