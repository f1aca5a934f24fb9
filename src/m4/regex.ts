/*
 * regex - the regular expressions of GNU m4 1.4.19's regexp and patsubst
 *
 * GNU m4 compiles patterns with its bundled GNU regex under the Emacs syntax
 * bits it selects, which behave (checked against m4 1.4.19 in the C locale)
 * like plain syntax 0: \( \) groups, \| alternation, * + ? postfix (\+ \? and
 * \{ \} are literals: no intervals), [...] lists without [:class:] (but with
 * [.x.] and [=x=]), . not matching newline, ^ $ only special at the ends of a
 * branch, \1-\9, \w \W \s \S \b \B \< \> \` \', and ^ $ also matching at
 * newlines. The text is bytes (JS strings of char codes 0-255).
 *
 * Matching is not a RegExp translation: GNU regex reports the leftmost-
 * longest match and then picks the group spans with its own walk of the NFA
 * (first epsilon edge by node number that can still reach the chosen end,
 * with a fail stack once back-references are involved). To reproduce its
 * group choices, and its quirks, this module builds the same kind of NFA
 * (postorder node numbering, constraint-carrying copies of what follows an
 * anchor, static epsilon closures) and performs the same kind of walk.
 * Observable quirks reproduced: an anchor inside the copy made for X+ is
 * not enforced while matching, yet blocks the group walk (so the search can
 * report no match); the walk stops as soon as it comes back to a node
 * without consuming input, which can leave a group unset or half-open; a
 * group that matched empty in a later round of * or ? can restore the
 * registers of the last non-empty round. Back-references are found by an
 * exhaustive search; GNU's own approximation of them differs in rare
 * combinations with repeated groups.
 */

/** A compiled pattern. */
export interface CompiledRegex {
  /** Number of \( groups in the pattern (GNU's re_nsub). */
  readonly nsub: number;
  /** @internal NFA nodes. */
  readonly nodes: Nd[];
  /** @internal Node the match starts at. */
  readonly start: number;
  /** @internal Whether the pattern has back-references. */
  readonly backrefs: boolean;
  /** @internal Whether the pattern has alternation or repetition. */
  readonly plural: boolean;
  /** @internal For each group, the group whose spans it reports (nested \(\(..\)\)). */
  readonly groupMap: number[];
  /** @internal For each node, the nodes that reach it by epsilon edges (itself included). */
  readonly inveclo: number[][];
}

/** A match: [start, end) of the whole match and of each group (-1 if unset). */
export interface RegexMatch {
  start: number;
  end: number;
  /** groups[i] = [start, end] of group i+1, or [-1, -1]. */
  groups: Array<[number, number]>;
}

export type CompileResult = { ok: true; re: CompiledRegex } | { ok: false; error: string };

// ---- NFA nodes ----

const K_SET = 0, K_END = 1, K_BREF = 2, K_OPEN = 3, K_CLOSE = 4, K_FORK = 5, K_ANCHOR = 6;

/** An NFA node; forks (alternation, star) and anchors/group marks are epsilon nodes. */
interface Nd {
  k: number;
  /** Byte set for K_SET. */
  set: Uint8Array | null;
  /** Context constraint bits (anchors, and copies of what follows one). */
  cons: number;
  /** Group (0-based) of K_OPEN/K_CLOSE/K_BREF. */
  grp: number;
  /** GNU's opt_subexp: the group is the operand of * or ?. */
  opt: boolean;
  /** Successor of a consuming node. */
  next: number;
  /** Epsilon successors, in GNU's preference order. */
  eds: number[];
  /** Node this one was copied from (itself if original). */
  org: number;
  /** GNU's "duplicated": a constrained copy, or part of a + copy. */
  dupl: boolean;
}

// Context constraint bits.
const PREV_WORD = 1, PREV_NOTWORD = 2, NEXT_WORD = 4, NEXT_NOTWORD = 8;
const PREV_NL = 16, NEXT_NL = 32, PREV_BEG = 64, NEXT_END = 128;
const LINE_FIRST = PREV_NL, LINE_LAST = NEXT_NL, BUF_FIRST = PREV_BEG, BUF_LAST = NEXT_END;
const WORD_FIRST = PREV_NOTWORD | NEXT_WORD, WORD_LAST = PREV_WORD | NEXT_NOTWORD;
const INSIDE_WORD = PREV_WORD | NEXT_WORD, INSIDE_NOTWORD = PREV_NOTWORD | NEXT_NOTWORD;
const WORD_DELIM = 1 << 10, NOT_WORD_DELIM = 1 << 11;

// ---- errors ----

const E_ESCAPE = "Trailing backslash";
const E_PAREN = "Unmatched ( or \\(";
const E_RPAREN = "Unmatched ) or \\)";
const E_BRACK = "Unmatched [, [^, [:, [., or [=";
const E_BADPAT = "Invalid regular expression";
const E_COLLATE = "Invalid collation character";
const E_RANGE = "Invalid range end";
const E_SUBREG = "Invalid back reference";

/** Thrown inside the parser to abort with GNU's message. */
class RegexError extends Error {}

// ---- byte classes ----

/** isWord - GNU's word characters in the C locale: [0-9A-Za-z_] */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** isSpace - isspace() in the C locale */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** byteSet - a 256-entry membership table filled by a predicate */
function byteSet(pred: (c: number) => boolean): Uint8Array {
  const s = new Uint8Array(256);
  for (let c = 0; c < 256; c++) if (pred(c)) s[c] = 1;
  return s;
}

// ---- parse tree ----

/** A parse-tree node, mirroring GNU's bin_tree (groups are lowered later). */
interface Tree {
  t: "set" | "anchor" | "bref" | "cat" | "alt" | "star" | "group" | "end" | "open" | "close";
  l: Tree | null;
  r: Tree | null;
  set: Uint8Array | null;
  /** Anchor constraint, or group number for group/bref/open/close. */
  n: number;
  opt: boolean;
  /** Part of a copy made for + (GNU's "duplicated" flag). */
  dup: boolean;
  // Filled while building the NFA:
  id: number;
  first: Tree | null;
  next: Tree | null;
}

/** mk - a fresh tree node */
function mk(t: Tree["t"], l: Tree | null = null, r: Tree | null = null, n = 0, set: Uint8Array | null = null): Tree {
  return { t, l, r, set, n, opt: false, dup: false, id: -1, first: null, next: null };
}

/** copyTree - a deep copy for +, flagged as such and (as in GNU) without opt marks */
function copyTree(t: Tree | null): Tree | null {
  if (t === null) return null;
  const c = mk(t.t, copyTree(t.l), copyTree(t.r), t.n, t.set);
  c.dup = true;
  return c;
}

// ---- tokenizer and parser ----

const T_CHAR = 0, T_END = 1, T_ALT = 2, T_OPEN = 3, T_CLOSE = 4, T_STAR = 5, T_PLUS = 6, T_QUEST = 7;
const T_BRACKET = 8, T_PERIOD = 9, T_ANCHOR = 10, T_BREF = 11, T_CLASS = 12, T_BSLASH = 13;

/** A token: its type, length in the pattern, and char / group / constraint. */
interface Tok {
  type: number;
  len: number;
  c: number;
}

/** Recursive-descent parser following GNU regcomp's grammar and error order. */
class Parser {
  private pos = 0;
  private tok: Tok = { type: T_END, len: 0, c: 0 };
  nsub = 0;
  private completed = new Set<number>();
  hasBackref = false;

  constructor(private readonly p: string) {}

  /** parse - the whole pattern, as GNU's tree with the END node appended */
  parse(): Tree {
    this.fetch(true);
    const tree = this.regExp(0);
    const end = mk("end");
    return tree === null ? end : mk("cat", tree, end);
  }

  /** peek - the token at position i; caretHere marks a branch start */
  private peek(i: number, caretHere: boolean): Tok {
    const p = this.p;
    if (i >= p.length) return { type: T_END, len: 0, c: 0 };
    const c = p.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (i + 1 >= p.length) return { type: T_BSLASH, len: 1, c };
      const c2 = p.charCodeAt(i + 1);
      const t = (type: number, v = c2): Tok => ({ type, len: 2, c: v });
      switch (String.fromCharCode(c2)) {
        case "|": return t(T_ALT);
        case "(": return t(T_OPEN);
        case ")": return t(T_CLOSE);
        case "<": return t(T_ANCHOR, WORD_FIRST);
        case ">": return t(T_ANCHOR, WORD_LAST);
        case "b": return t(T_ANCHOR, WORD_DELIM);
        case "B": return t(T_ANCHOR, NOT_WORD_DELIM);
        case "`": return t(T_ANCHOR, BUF_FIRST);
        case "'": return t(T_ANCHOR, BUF_LAST);
        case "w": case "W": case "s": case "S": return t(T_CLASS);
        default:
          if (c2 >= 49 && c2 <= 57) return t(T_BREF, c2 - 49);
          return t(T_CHAR);
      }
    }
    const t = (type: number, v = c): Tok => ({ type, len: 1, c: v });
    switch (String.fromCharCode(c)) {
      case "*": return t(T_STAR);
      case "+": return t(T_PLUS);
      case "?": return t(T_QUEST);
      case "[": return t(T_BRACKET);
      case ".": return t(T_PERIOD);
      case "^":
        return caretHere || i === 0 ? t(T_ANCHOR, LINE_FIRST) : t(T_CHAR);
      case "$": {
        if (i + 1 === p.length) return t(T_ANCHOR, LINE_LAST);
        const nx = this.peek(i + 1, false).type;
        return nx === T_ALT || nx === T_CLOSE ? t(T_ANCHOR, LINE_LAST) : t(T_CHAR);
      }
      default: return t(T_CHAR);
    }
  }

  /** fetch - consume the next token into this.tok */
  private fetch(caretHere = false): void {
    this.tok = this.peek(this.pos, caretHere);
    this.pos += this.tok.len;
  }

  /** regExp - branches separated by \| */
  private regExp(nest: number): Tree | null {
    const initial = new Set(this.completed);
    let tree = this.branch(nest);
    while (this.tok.type === T_ALT) {
      this.fetch(true);
      let branch: Tree | null = null;
      const ty = this.tok.type;
      if (ty !== T_ALT && ty !== T_END && (nest === 0 || ty !== T_CLOSE)) {
        const accumulated = this.completed;
        this.completed = new Set(initial);
        branch = this.branch(nest);
        for (const g of accumulated) this.completed.add(g);
      }
      tree = mk("alt", tree, branch);
    }
    return tree;
  }

  /** branch - a concatenation of expressions */
  private branch(nest: number): Tree | null {
    let tree = this.expression(nest);
    for (;;) {
      const ty = this.tok.type;
      if (ty === T_ALT || ty === T_END || (nest > 0 && ty === T_CLOSE)) return tree;
      const expr = this.expression(nest);
      if (tree !== null && expr !== null) tree = mk("cat", tree, expr);
      else if (tree === null) tree = expr;
    }
  }

  /** expression - one atom and its postfix operators */
  private expression(nest: number): Tree | null {
    const tok = this.tok;
    let tree: Tree;
    switch (tok.type) {
      case T_CHAR: case T_STAR: case T_PLUS: case T_QUEST:
        tree = mk("set", null, null, 0, byteSet((c) => c === tok.c));
        break;
      case T_PERIOD:
        tree = mk("set", null, null, 0, byteSet((c) => c !== 10));
        break;
      case T_CLASS: {
        const ch = String.fromCharCode(tok.c);
        const word = ch === "w" || ch === "W";
        const neg = ch === "W" || ch === "S";
        tree = mk("set", null, null, 0, byteSet((c) => (word ? isWord(c) : isSpace(c)) !== neg));
        break;
      }
      case T_BRACKET:
        tree = this.bracket();
        break;
      case T_BREF:
        if (!this.completed.has(tok.c)) throw new RegexError(E_SUBREG);
        this.hasBackref = true;
        tree = mk("bref", null, null, tok.c);
        break;
      case T_OPEN:
        tree = this.subExp(nest + 1);
        break;
      case T_ALT: case T_END:
        return null;
      case T_CLOSE:
        throw new RegexError(E_RPAREN);
      case T_BSLASH:
        throw new RegexError(E_ESCAPE);
      case T_ANCHOR: {
        // Anchors take no postfix operator: a following * is a literal.
        if (tok.c === WORD_DELIM || tok.c === NOT_WORD_DELIM) {
          const pair = tok.c === WORD_DELIM ? [WORD_FIRST, WORD_LAST] : [INSIDE_WORD, INSIDE_NOTWORD];
          tree = mk("alt", mk("anchor", null, null, pair[0]), mk("anchor", null, null, pair[1]));
        } else {
          tree = mk("anchor", null, null, tok.c);
        }
        this.fetch();
        return tree;
      }
      default:
        throw new RegexError(E_BADPAT);
    }
    this.fetch();
    for (;;) {
      const ty = this.tok.type;
      if (ty !== T_STAR && ty !== T_PLUS && ty !== T_QUEST) return tree;
      this.fetch();
      if (ty === T_PLUS) {
        const dup = copyTree(tree)!;
        if (dup.t === "group") dup.opt = true;
        tree = mk("cat", tree, mk("star", dup));
      } else {
        if (tree.t === "group") tree.opt = true;
        tree = ty === T_STAR ? mk("star", tree) : mk("alt", tree, null);
      }
    }
  }

  /** subExp - a \( ... \) group (the \( is consumed) */
  private subExp(nest: number): Tree {
    const n = this.nsub++;
    this.fetch(true);
    let body: Tree | null = null;
    if (this.tok.type !== T_CLOSE) {
      body = this.regExp(nest);
      if (this.tok.type !== T_CLOSE) throw new RegexError(E_PAREN);
    }
    if (n < 9) this.completed.add(n);
    return mk("group", body, null, n);
  }

  // ---- bracket expressions ----

  /** peekB - a token inside [...] */
  private peekB(): { type: "end" | "char" | "range" | "close" | "hat" | "coll" | "equiv"; len: number; c: number } {
    const p = this.p, i = this.pos;
    if (i >= p.length) return { type: "end", len: 0, c: 0 };
    const c = p.charCodeAt(i);
    if (c === 91 /* [ */ && i + 1 < p.length) {
      const c2 = p.charCodeAt(i + 1);
      if (c2 === 46 /* . */) return { type: "coll", len: 2, c: c2 };
      if (c2 === 61 /* = */) return { type: "equiv", len: 2, c: c2 };
    }
    if (c === 45) return { type: "range", len: 1, c };
    if (c === 93) return { type: "close", len: 1, c };
    if (c === 94) return { type: "hat", len: 1, c };
    return { type: "char", len: 1, c };
  }

  /** bracketElem - one element: a byte, or a [.x.] / [=x=] name */
  private bracketElem(t: ReturnType<Parser["peekB"]>, acceptHyphen: boolean): { kind: "char" | "coll" | "equiv"; ch: number; name: string } {
    this.pos += t.len;
    if (t.type === "coll" || t.type === "equiv") {
      const p = this.p;
      if (this.pos >= p.length) throw new RegexError(E_BRACK);
      let name = "";
      for (let i = 0; ; i++) {
        if (i >= 32) throw new RegexError(E_BRACK);
        const ch = p.charCodeAt(this.pos++);
        if (this.pos >= p.length) throw new RegexError(E_BRACK);
        if (ch === t.c && p.charCodeAt(this.pos) === 93) break;
        name += String.fromCharCode(ch);
      }
      this.pos++;
      return { kind: t.type, ch: 0, name };
    }
    if (t.type === "range" && !acceptHyphen && this.peekB().type !== "close") throw new RegexError(E_RANGE);
    return { kind: "char", ch: t.c, name: "" };
  }

  /** bracket - a [...] list (the [ is consumed) */
  private bracket(): Tree {
    const set = new Uint8Array(256);
    let neg = false;
    let t = this.peekB();
    if (t.type === "end") throw new RegexError(E_BADPAT);
    if (t.type === "hat") {
      neg = true;
      this.pos += t.len;
      t = this.peekB();
      if (t.type === "end") throw new RegexError(E_BADPAT);
    }
    if (t.type === "close") t = { ...t, type: "char" };
    let first = true;
    for (;;) {
      const start = this.bracketElem(t, first);
      first = false;
      t = this.peekB();
      let end: ReturnType<Parser["bracketElem"]> | null = null;
      if (start.kind !== "equiv") {
        if (t.type === "end") throw new RegexError(E_BRACK);
        if (t.type === "range") {
          this.pos += t.len;
          const t2 = this.peekB();
          if (t2.type === "end") throw new RegexError(E_BRACK);
          if (t2.type === "close") {
            this.pos -= t.len;
            t = { ...t, type: "char" };
          } else {
            end = this.bracketElem(t2, true);
            t = this.peekB();
          }
        }
      }
      if (end !== null) {
        if (start.kind === "equiv" || end.kind === "equiv") throw new RegexError(E_RANGE);
        const lo = rangePoint(start), hi = rangePoint(end);
        for (let c = lo; c <= hi; c++) set[c] = 1;
      } else if (start.kind === "char") {
        set[start.ch] = 1;
      } else {
        if (start.name.length !== 1) throw new RegexError(E_COLLATE);
        set[start.name.charCodeAt(0) & 255] = 1;
      }
      if (t.type === "end") throw new RegexError(E_BRACK);
      if (t.type === "close") {
        this.pos += t.len;
        break;
      }
    }
    if (neg) for (let c = 0; c < 256; c++) set[c] ^= 1;
    return mk("set", null, null, 0, set);
  }
}

/** rangePoint - the byte a range endpoint stands for (C locale collation) */
function rangePoint(e: { kind: string; ch: number; name: string }): number {
  if (e.kind === "char") return e.ch & 255;
  if (e.name.length !== 1) throw new RegexError(E_COLLATE);
  return e.name.charCodeAt(0) & 255;
}

// ---- NFA construction ----

/** mergeNestedGroups - GNU's optimize_subexps: \(\(x\)\) keeps one group */
function mergeNestedGroups(t: Tree | null, map: number[]): void {
  if (t === null) return;
  if (t.t === "bref") {
    t.n = map[t.n];
  } else if (t.t === "group" && t.l !== null && t.l.t === "group") {
    map[t.l.n] = map[t.n];
    t.l = t.l.l;
  }
  mergeNestedGroups(t.l, map);
  mergeNestedGroups(t.r, map);
}

/** lowerGroups - replace each group by open, body, close */
function lowerGroups(t: Tree | null): Tree | null {
  if (t === null) return null;
  t.l = lowerGroups(t.l);
  t.r = lowerGroups(t.r);
  if (t.t !== "group") return t;
  const open = mk("open", null, null, t.n), close = mk("close", null, null, t.n);
  open.opt = close.opt = t.opt;
  return mk("cat", open, t.l === null ? close : mk("cat", t.l, close));
}

/** buildNfa - number nodes in postorder and link them as GNU does */
function buildNfa(root: Tree): { nodes: Nd[]; start: number; plural: boolean } {
  const nodes: Nd[] = [];
  let plural = false;
  const number = (t: Tree): void => {
    if (t.l) number(t.l);
    if (t.r) number(t.r);
    if (t.t === "cat") {
      t.first = t.l!.first;
      return;
    }
    t.first = t;
    t.id = nodes.length;
    nodes.push({ k: 0, set: t.set, cons: t.t === "anchor" ? t.n : 0, grp: t.n, opt: t.opt, next: -1, eds: [], org: t.id, dupl: t.dup });
  };
  number(root);
  const linkNext = (t: Tree): void => {
    if (t.t === "star") t.l!.next = t;
    else if (t.t === "cat") {
      t.l!.next = t.r!.first;
      t.r!.next = t.next;
    } else {
      if (t.l) t.l.next = t.next;
      if (t.r) t.r.next = t.next;
    }
    if (t.l) linkNext(t.l);
    if (t.r) linkNext(t.r);
  };
  linkNext(root);
  const link = (t: Tree): void => {
    if (t.l) link(t.l);
    if (t.r) link(t.r);
    if (t.t === "cat") return;
    const nd = nodes[t.id];
    const nx = t.next === null ? -1 : t.next.first!.id;
    switch (t.t) {
      case "alt": case "star": {
        plural = true;
        nd.k = K_FORK;
        const a = t.l ? t.l.first!.id : nx, b = t.r ? t.r.first!.id : nx;
        nd.eds = a === b ? [a] : [Math.min(a, b), Math.max(a, b)];
        break;
      }
      case "anchor": nd.k = K_ANCHOR; nd.eds = [nx]; break;
      case "open": nd.k = K_OPEN; nd.eds = [nx]; break;
      case "close": nd.k = K_CLOSE; nd.eds = [nx]; break;
      case "bref": nd.k = K_BREF; nd.next = nx; nd.eds = [nx]; break;
      case "set": nd.k = K_SET; nd.next = nx; break;
      case "end": nd.k = K_END; break;
    }
  };
  link(root);
  cloneAnchorClosures(nodes);
  return { nodes, start: root.first!.id, plural };
}

/** isEps - whether a node kind moves without consuming input */
function isEps(k: number): boolean {
  return k === K_FORK || k === K_ANCHOR || k === K_OPEN || k === K_CLOSE;
}

/**
 * cloneAnchorClosures - give what follows each anchor its own constrained
 * copies, in the order GNU's epsilon-closure pass creates them (node
 * identity matters for the group walk and for which END copy halts).
 */
function cloneAnchorClosures(nodes: Nd[]): void {
  const dup = (org: number, cons: number): number => {
    const o = nodes[org];
    nodes.push({ k: o.k, set: o.set, cons: cons | o.cons, grp: o.grp, opt: o.opt, next: -1, eds: [], org, dupl: true });
    return nodes.length - 1;
  };
  const findDup = (org: number, cons: number): number => {
    for (let i = nodes.length - 1; i > 0 && nodes[i].org !== i; i--) if (nodes[i].org === org && nodes[i].cons === cons) return i;
    return -1;
  };
  const closure = (orgFrom: number, cloneFrom: number, root: number, cons: number): void => {
    let org = orgFrom, cl = cloneFrom;
    for (;;) {
      const o = nodes[org];
      if (o.k === K_BREF) {
        const c = dup(o.next, cons);
        nodes[cl].eds = [c];
        nodes[cl].next = o.next;
        org = o.next;
        cl = c;
      } else if (o.eds.length === 0) {
        nodes[cl].next = o.next;
        return;
      } else if (o.eds.length === 1) {
        const d = o.eds[0];
        if (org === root && cl !== org) {
          nodes[cl].eds = [d];
          return;
        }
        cons |= o.cons;
        const c = dup(d, cons);
        nodes[cl].eds = [c];
        org = d;
        cl = c;
      } else {
        const d0 = o.eds[0], d1 = o.eds[1];
        let c0 = findDup(d0, cons);
        if (c0 < 0) {
          c0 = dup(d0, cons);
          nodes[cl].eds = [c0];
          closure(d0, c0, root, cons);
        } else {
          nodes[cl].eds = [c0];
        }
        const c1 = dup(d1, cons);
        nodes[cl].eds = [c0, c1];
        org = d1;
        cl = c1;
      }
    }
  };
  const seen = new Set<number>();
  const visit = (x: number): void => {
    if (seen.has(x)) return;
    seen.add(x);
    const nd = nodes[x];
    // Anchors inside a + copy are skipped (GNU's test of the "duplicated" flag).
    if (nd.cons !== 0 && nd.eds.length > 0 && !nodes[nd.eds[0]].dupl) closure(x, x, x, nd.cons);
    if (isEps(nd.k)) for (const e of nd.eds) visit(e);
  };
  for (let i = 0; i < nodes.length; i++) visit(i);
}

/** invClosures - GNU's static epsilon closures, inverted (constraints are only checked per node) */
function invClosures(nodes: Nd[]): number[][] {
  const inveclo: number[][] = nodes.map(() => []);
  for (let x = 0; x < nodes.length; x++) {
    const seen = new Uint8Array(nodes.length);
    const stack = [x];
    while (stack.length > 0) {
      const y = stack.pop()!;
      if (seen[y]) continue;
      seen[y] = 1;
      inveclo[y].push(x);
      if (isEps(nodes[y].k)) for (const e of nodes[y].eds) stack.push(e);
    }
  }
  return inveclo;
}

// ---- compilation with cache ----

const cache = new Map<string, CompileResult>();
const CACHE_SIZE = 32;

/** compileRegex - compile a pattern, or give GNU's error message */
export function compileRegex(pattern: string): CompileResult {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let res: CompileResult;
  try {
    const parser = new Parser(pattern);
    const tree = parser.parse();
    const groupMap = Array.from({ length: parser.nsub }, (_, i) => i);
    mergeNestedGroups(tree, groupMap);
    const { nodes, start, plural } = buildNfa(lowerGroups(tree)!);
    res = { ok: true, re: { nsub: parser.nsub, nodes, start, backrefs: parser.hasBackref, plural, groupMap, inveclo: invClosures(nodes) } };
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    res = { ok: false, error: e.message };
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, res);
  return res;
}

// ---- matching ----

/** prevOk - whether position i of s satisfies the PREV_* bits of c (checked as a node enters a state) */
function prevOk(c: number, s: string, i: number): boolean {
  if ((c & (PREV_WORD | PREV_NOTWORD | PREV_NL | PREV_BEG)) === 0) return true;
  const w = i > 0 && isWord(s.charCodeAt(i - 1));
  if (c & PREV_WORD && !w) return false;
  if (c & PREV_NOTWORD && w) return false;
  if (c & PREV_NL && !(i === 0 || s.charCodeAt(i - 1) === 10)) return false;
  if (c & PREV_BEG && i !== 0) return false;
  return true;
}

/** nextOk - whether position i of s satisfies the NEXT_* bits of c (checked as a node consumes or halts) */
function nextOk(c: number, s: string, i: number): boolean {
  if ((c & (NEXT_WORD | NEXT_NOTWORD | NEXT_NL | NEXT_END)) === 0) return true;
  const w = i < s.length && isWord(s.charCodeAt(i));
  if (c & NEXT_WORD && !w) return false;
  if (c & NEXT_NOTWORD && w) return false;
  if (c & NEXT_NL && !(i === s.length || s.charCodeAt(i) === 10)) return false;
  if (c & NEXT_END && i !== s.length) return false;
  return true;
}

/** consumes - whether consuming node nd, present at i, takes the byte at i */
function consumes(nd: Nd, s: string, i: number): boolean {
  return i < s.length && nd.set![s.charCodeAt(i)] === 1 && nextOk(nd.cons, s, i);
}

/** halts - whether nd is an END node that accepts at i */
function halts(nd: Nd, s: string, i: number): boolean {
  return nd.k === K_END && prevOk(nd.cons, s, i) && nextOk(nd.cons, s, i);
}

/**
 * searchRegex - GNU re_search from position `from`: the leftmost-longest
 * match, with group spans when wantGroups (GNU skips them otherwise).
 */
export function searchRegex(re: CompiledRegex, s: string, from: number, wantGroups: boolean): RegexMatch | null {
  let steps: BrefSteps = new Map();
  let span: [number, number] | null;
  if (re.backrefs) {
    const r = longestWithBackrefs(re, s, from);
    span = r === null ? null : r.span;
    if (r !== null) steps = r.steps;
  } else {
    span = leftmostLongest(re, s, from);
  }
  if (span === null) return null;
  const [st, en] = span;
  const groups: Array<[number, number]> = Array.from({ length: re.nsub }, () => [-1, -1] as [number, number]);
  if (wantGroups && re.nsub > 0) {
    const regs = walkGroups(re, s, st, en, steps);
    if (regs === null) return null;
    for (let g = 0; g < re.nsub; g++) {
      const m = re.groupMap[g];
      groups[g] = [regs[2 * m], regs[2 * m + 1]];
    }
  }
  return { start: st, end: en, groups };
}

/** leftmostLongest - overall match span, simulating all start positions at once */
function leftmostLongest(re: CompiledRegex, s: string, from: number): [number, number] | null {
  const nodes = re.nodes, n = nodes.length;
  let cur = new Int32Array(n).fill(-1), nxt = new Int32Array(n).fill(-1);
  let curList: number[] = [], nxtList: number[] = [];
  let bestSt = -1, bestEn = -1;
  // Static epsilon closure, remembering the earliest start reaching each node.
  const add = (set: Int32Array, list: number[], x: number, st: number): void => {
    const stack = [x];
    while (stack.length > 0) {
      const y = stack.pop()!;
      if (set[y] !== -1 && set[y] <= st) continue;
      if (set[y] === -1) list.push(y);
      set[y] = st;
      if (isEps(nodes[y].k)) for (const e of nodes[y].eds) stack.push(e);
    }
  };
  for (let i = from; i <= s.length; i++) {
    if (bestSt < 0) add(cur, curList, re.start, i);
    for (const y of curList) {
      if (!halts(nodes[y], s, i)) continue;
      const st = cur[y];
      if (bestSt < 0 || st < bestSt || (st === bestSt && i > bestEn)) {
        bestSt = st;
        bestEn = i;
      }
    }
    if (i === s.length) break;
    curList.sort((a, b) => cur[a] - cur[b]);
    for (const y of curList) {
      const nd = nodes[y];
      if (nd.k !== K_SET || (bestSt >= 0 && cur[y] > bestSt)) continue;
      if (prevOk(nd.cons, s, i) && consumes(nd, s, i)) add(nxt, nxtList, nd.next, cur[y]);
    }
    for (const y of curList) cur[y] = -1;
    [cur, nxt] = [nxt, cur];
    [curList, nxtList] = [nxtList, []];
    if (curList.length === 0 && bestSt >= 0) break;
  }
  return bestSt < 0 ? null : [bestSt, bestEn];
}

/** Back-reference steps seen by the exhaustive search: node and position -> lengths. */
type BrefSteps = Map<number, number[]>;

/** stepKey - the BrefSteps key of a node at a position */
function stepKey(x: number, i: number): number {
  return i * 0x100000 + x;
}

/**
 * longestWithBackrefs - leftmost-longest span of a pattern with
 * back-references, by exhaustive search over (node, position, groups), also
 * recording which lengths each back-reference could take where.
 */
function longestWithBackrefs(re: CompiledRegex, s: string, from: number): { span: [number, number]; steps: BrefSteps } | null {
  const nodes = re.nodes;
  for (let st = from; st <= s.length; st++) {
    let best = -1;
    let budget = 1_000_000;
    const seen = new Set<string>();
    const steps: BrefSteps = new Map();
    const stack: Array<[number, number, number[]]> = [[re.start, st, new Array<number>(2 * re.nsub).fill(-1)]];
    while (stack.length > 0 && budget-- > 0) {
      const [x, i, regs] = stack.pop()!;
      const key = x + ":" + i + ":" + regs.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const nd = nodes[x];
      switch (nd.k) {
        case K_END:
          if (halts(nd, s, i) && i > best) best = i;
          break;
        case K_SET:
          if (prevOk(nd.cons, s, i) && consumes(nd, s, i)) stack.push([nd.next, i + 1, regs]);
          break;
        case K_BREF: {
          const so = regs[2 * nd.grp], eo = regs[2 * nd.grp + 1];
          if (so < 0 || eo < 0) break;
          const len = eo - so;
          if (len > 0 && (i + len > s.length || s.substr(i, len) !== s.substr(so, len))) break;
          const k = stepKey(x, i);
          const lens = steps.get(k);
          if (lens === undefined) steps.set(k, [len]);
          else if (!lens.includes(len)) lens.push(len);
          stack.push(len === 0 ? [nd.eds[0], i, regs] : [nd.next, i + len, regs]);
          break;
        }
        case K_OPEN: case K_CLOSE: {
          const r = regs.slice();
          if (nd.k === K_OPEN) {
            r[2 * nd.grp] = i;
            r[2 * nd.grp + 1] = -1;
          } else {
            r[2 * nd.grp + 1] = i;
          }
          stack.push([nd.eds[0], i, r]);
          break;
        }
        default:
          for (const e of nd.eds) stack.push([e, i, regs]);
      }
    }
    if (best >= 0) return { span: [st, best], steps };
  }
  return null;
}

/** forwardSets - GNU's state log: for each position in [st, en], the nodes present when starting at st */
function forwardSets(re: CompiledRegex, s: string, st: number, en: number, steps: BrefSteps): Uint8Array[] {
  const nodes = re.nodes, n = nodes.length;
  const raw: Uint8Array[] = [];
  for (let i = st; i <= en; i++) raw.push(new Uint8Array(n));
  const add = (set: Uint8Array, x: number, i: number): void => {
    const stack = [x];
    while (stack.length > 0) {
      const y = stack.pop()!;
      if (set[y]) continue;
      set[y] = 1;
      const nd = nodes[y];
      if (isEps(nd.k) || (nd.k === K_BREF && steps.get(stepKey(y, i))?.includes(0))) for (const e of nd.eds) stack.push(e);
    }
  };
  add(raw[0], re.start, st);
  for (let i = st; i <= en; i++) {
    const set = raw[i - st];
    for (let y = 0; y < n; y++) {
      if (set[y] && !prevOk(nodes[y].cons, s, i)) set[y] = 0;
    }
    if (i === en) break;
    for (let y = 0; y < n; y++) {
      if (!set[y]) continue;
      const nd = nodes[y];
      if (nd.k === K_SET && consumes(nd, s, i)) add(raw[i + 1 - st], nd.next, i + 1);
      else if (nd.k === K_BREF) {
        for (const k of steps.get(stepKey(y, i)) ?? []) if (k > 0 && i + k <= en) add(raw[i + k - st], nd.next, i + k);
      }
    }
  }
  return raw;
}

/** viableSets - GNU's sifted states: present nodes whose epsilon closure holds a node that can still end at `target` */
function viableSets(re: CompiledRegex, s: string, st: number, en: number, f: Uint8Array[], target: number, steps: BrefSteps): Uint8Array[] {
  const nodes = re.nodes, n = nodes.length;
  const v: Uint8Array[] = f.map(() => new Uint8Array(n));
  for (let i = en; i >= st; i--) {
    const fi = f[i - st], vi = v[i - st];
    const addBase = (b: number): void => {
      for (const x of re.inveclo[b]) if (fi[x]) vi[x] = 1;
    };
    if (i === en) addBase(target);
    for (let y = 0; y < n; y++) {
      const nd = nodes[y];
      if (!fi[y] || i === en) continue;
      if (nd.k === K_SET && consumes(nd, s, i) && v[i + 1 - st][nd.next]) addBase(y);
      else if (nd.k === K_BREF) {
        for (const k of steps.get(stepKey(y, i)) ?? []) if (k > 0 && i + k <= en && v[i + k - st][nd.next]) addBase(y);
      }
    }
    // Empty back-references pass on without consuming.
    for (let changed = re.backrefs; changed; ) {
      changed = false;
      for (let y = 0; y < n; y++) {
        if (nodes[y].k === K_BREF && fi[y] && !vi[y] && vi[nodes[y].eds[0]] && steps.get(stepKey(y, i))?.includes(0)) {
          addBase(y);
          changed = true;
        }
      }
    }
  }
  return v;
}

/**
 * walkGroups - GNU's set_regs: follow the NFA from st to en, taking at each
 * fork the lowest-numbered edge still in the sifted states (the other one
 * if the first was already passed without consuming), stopping when a node
 * comes round again without input consumed, and backtracking through a fail
 * stack when the pattern has back-references and forks. Returns [so, eo]
 * per group (before merging nested groups), or null when GNU would report
 * no match.
 */
function walkGroups(re: CompiledRegex, s: string, st: number, en: number, steps: BrefSteps): number[] | null {
  const nodes = re.nodes;
  const f = forwardSets(re, s, st, en, steps);
  let target = -1;
  for (let y = 0; y < nodes.length && target < 0; y++) if (f[en - st][y] && halts(nodes[y], s, en)) target = y;
  if (target < 0) return null;
  const v = viableSets(re, s, st, en, f, target, steps);
  const ok = (x: number, i: number): boolean => i >= st && i <= en && v[i - st][x] === 1;
  const useFs = re.backrefs && re.plural;
  let regs = new Array<number>(2 * re.nsub).fill(-1);
  let prev = regs.slice();
  let eps = new Set<number>();
  const stack: Array<{ i: number; x: number; regs: number[]; prev: number[]; eps: Set<number> }> = [];
  let x = re.start, i = st;
  const halfOpen = (): boolean => {
    for (let g = 0; g < re.nsub; g++) if (regs[2 * g] > -1 && regs[2 * g + 1] === -1) return true;
    return false;
  };
  const pop = (): boolean => {
    const e = stack.pop();
    if (e === undefined) return false;
    ({ i, x, regs, prev, eps } = e);
    return true;
  };
  const limit = 64 * nodes.length * (en - st + 2) + 100000;
  for (let steps = 0; steps < limit; steps++) {
    updateRegs(nodes[x], i, regs, prev);
    if ((i === en && x === target) || eps.has(x)) {
      if (useFs && halfOpen() && pop()) continue;
      return regs;
    }
    const nd = nodes[x];
    let dest = -1;
    if (isEps(nd.k)) {
      eps.add(x);
      for (const c of nd.eds) {
        if (!ok(c, i)) continue;
        if (dest === -1) dest = c;
        else {
          if (eps.has(dest)) dest = c;
          else if (useFs) stack.push({ i, x: c, regs: regs.slice(), prev: prev.slice(), eps: new Set(eps) });
          break;
        }
      }
    } else if (nd.k === K_BREF) {
      const so = regs[2 * nd.grp], eo = regs[2 * nd.grp + 1];
      const len = eo - so;
      const bad = useFs && (so === -1 || eo === -1 || (len > 0 && (s.length - i < len || s.substr(so, len) !== s.substr(i, len))));
      if (!bad && len === 0) {
        eps.add(x);
        if (ok(nd.eds[0], i)) dest = nd.eds[0];
      } else if (!bad) {
        i += len;
        if (!useFs || ok(nd.next, i)) {
          dest = nd.next;
          eps = new Set();
        }
      }
    } else if (nd.k === K_SET && consumes(nd, s, i)) {
      i++;
      if (!useFs || ok(nd.next, i)) {
        dest = nd.next;
        eps = new Set();
      }
    }
    if (dest >= 0) x = dest;
    else if (!pop()) return null;
  }
  return regs;
}

/** updateRegs - GNU's update_regs: record group starts and ends as the walk passes them */
function updateRegs(nd: Nd, i: number, regs: number[], prev: number[]): void {
  const g = nd.grp;
  if (nd.k === K_OPEN) {
    regs[2 * g] = i;
    regs[2 * g + 1] = -1;
  } else if (nd.k === K_CLOSE) {
    if (regs[2 * g] < i) {
      regs[2 * g + 1] = i;
      for (let r = 0; r < regs.length; r++) prev[r] = regs[r];
    } else if (nd.opt && prev[2 * g] !== -1) {
      for (let r = 0; r < regs.length; r++) regs[r] = prev[r];
    } else {
      regs[2 * g + 1] = i;
    }
  }
}
