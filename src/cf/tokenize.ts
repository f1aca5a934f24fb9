/*
 * tokenize - sendmail's prescan(): split a string into tokens.
 *
 * A small state machine driven by a per-octet type table (OPR operator, ATM
 * atom, QST quote, SPC space, ONE "take one more octet", ILL illegal). The
 * tables depend on the OperatorChars option, which sendmail fixes the first
 * time prescan() runs (for a cf file: the first R line). Rule text uses the
 * internal table (comments in parentheses are kept from config level 9 on);
 * addresses use the external table.
 */

import { isSpace } from "./chars.js";

export const OPR = 0;
export const ATM = 1;
export const QST = 2;
export const SPC = 3;
export const ONE = 4;
export const ILL = 5;

const M = 0o20; /* meta character; don't pass through */
const B = 0o40; /* cause a break */
const MB = M | B;
const TYPE = 0o17;

const StateTab: readonly (readonly number[])[] = [
  /*          OPR      ATM      QST      SPC       ONE      ILL    */
  /*OPR*/ [OPR | B, ATM | B, QST | B, SPC | MB, ONE | B, ILL | MB],
  /*ATM*/ [OPR | B, ATM, QST | B, SPC | MB, ONE | B, ILL | MB],
  /*QST*/ [QST, QST, OPR, QST, QST, QST],
  /*SPC*/ [OPR, ATM, QST, SPC | M, ONE, ILL | MB],
  /*ONE*/ [OPR, OPR, OPR, OPR, OPR, ILL | MB],
  /*ILL*/ [OPR | B, ATM | B, QST | B, SPC | MB, ONE | B, ILL | M],
];

/** Default operator characters (ConfigLevel >= 7 and no OperatorChars option). */
export const DEFAULT_OPERATOR_CHARS = ".:@[]";
/** Characters that are always delimiters (DELIMCHARS). */
export const DELIMCHARS = "()<>,;\r\n";

function baseTable(internal: boolean, keepComments: boolean): Uint8Array {
  const t = new Uint8Array(256).fill(ATM);
  for (let c = 0x09; c <= 0x0d; c++) t[c] = SPC;
  t[0x20] = SPC;
  t[0x22] = QST;
  t[0x28] = keepComments ? OPR : SPC;
  t[0x29] = keepComments ? OPR : SPC;
  if (internal) {
    for (let c = 0x80; c <= 0x9f; c++) t[c] = OPR;
    t[0x82] = ONE;
    t[0x93] = ONE;
    t[0x94] = ONE;
    t[0x95] = ONE;
    t[0xff] = ONE;
  }
  return t;
}

/** The three token type tables of prescan(), with the operator characters applied. */
export interface TokenTables {
  /** ExtTokenTab: addresses from the outside world. */
  readonly ext: Uint8Array;
  /** IntTokenTab: internal strings (rules of config level < 9). */
  readonly int: Uint8Array;
  /** TokTypeNoC: internal strings, parentheses are operators (rules of level >= 9). */
  readonly noc: Uint8Array;
  /** The operator characters applied (expanded OperatorChars + DELIMCHARS). */
  readonly operatorChars: string;
}

/** Build the token tables for the given (expanded) operator characters. */
export function makeTokenTables(operatorChars: string): TokenTables {
  const ext = baseTable(false, false);
  const int = baseTable(true, false);
  const noc = baseTable(true, true);
  const all = operatorChars + DELIMCHARS;
  for (let i = 0; i < all.length; i++) {
    const c = all.charCodeAt(i) & 0xff;
    if (int[c] === ATM) int[c] = OPR;
    if (ext[c] === ATM) ext[c] = OPR;
    if (noc[c] === ATM) noc[c] = OPR;
  }
  return { ext, int, noc, operatorChars: all };
}

export interface PrescanOptions {
  /** Delimiter octet ('\0' for none); the cf reader uses '\t'. */
  readonly delim?: number;
  /** Ignore unbalanced quotes/parentheses/brackets (true for the cf reader). */
  readonly ignore?: boolean;
  /** Size of the token buffer (pvpbuf); the cf reader uses MAXLINE + MAXATOM. */
  readonly bufferSize?: number;
  /** Called with the text of each usrerr() prescan would print (SMTP code stripped). */
  readonly onError?: (message: string) => void;
  /** EightBitAddrOK option (keeps octet 0377 as is). */
  readonly eightBitAddrOk?: boolean;
}

const MAXATOM = 1000;
const MAXNAME = 256;
const NOCHAR = -1;

/** Result of prescan(): tokens, or null (error, or no token at all), and where scanning stopped. */
export interface PrescanResult {
  readonly tokens: string[] | null;
  /** Index of the delimiter (or end) in the input. */
  readonly end: number;
}

/** sendmail's prescan(). */
export function prescan(addr: string, table: Uint8Array, opts: PrescanOptions = {}): PrescanResult {
  const delim = opts.delim ?? 0;
  const ignore = opts.ignore ?? false;
  const pvpbsize = opts.bufferSize ?? 2048 + MAXATOM;
  const onError = opts.onError;
  const av: string[] = [];
  let used = 0; // octets used in pvpbuf
  let bslashmode = false;
  let routeSyntax = false;
  let cmntcnt = 0;
  let anglecnt = 0;
  let state = ATM;
  let c = NOCHAR;
  let p = 0;
  const n = addr.length;
  const tableParen = table[0x28];

  const fail = (): PrescanResult => ({ tokens: null, end: p > 0 ? p - 1 : p });

  // The token being collected is addr.slice(tstart, tstart + tlen) as long
  // as its octets are contiguous and unchanged in the input, else tfixed.
  let tstart = 0;
  let tlen = 0;
  let tfixed: string | null = null;
  let cpos = -1; // index in addr of the lookahead c (-1: synthesized)
  let bpos = -1; // index of the backslash that started bslashmode
  const store = (code: number, pos: number): void => {
    if (tfixed === null && pos >= 0 && (tlen === 0 || pos === tstart + tlen) && addr.charCodeAt(pos) === code) {
      if (tlen === 0) tstart = pos;
      tlen++;
      return;
    }
    if (tfixed === null) tfixed = addr.slice(tstart, tstart + tlen);
    tfixed += String.fromCharCode(code);
    tlen++;
  };
  do {
    tlen = 0;
    tfixed = null;
    for (;;) {
      if (c !== NOCHAR && !bslashmode) {
        if (used + tlen >= pvpbsize - 5) {
          onError?.("Address too long");
          return fail();
        }
        if (c === 0xff && !opts.eightBitAddrOk) c &= 0x7f;
        store(c, cpos);
      }
      cpos = p;
      c = p < n ? addr.charCodeAt(p) : 0;
      p++;
      if (c === 0) {
        if (ignore) break;
        else if (state === QST) {
          onError?.("Unbalanced '\"'");
          c = 0x22;
        } else if (cmntcnt > 0) {
          onError?.("Unbalanced '('");
          c = 0x29;
        } else if (anglecnt > 0) {
          c = 0x3e;
          onError?.("Unbalanced '<'");
        } else break;
        cpos = -1;
        p--;
      } else if (c === delim && cmntcnt <= 0 && state !== QST) {
        if (anglecnt <= 0) break;
        if (delim === 0x2c && !routeSyntax && !ignore) {
          onError?.("Unbalanced '<'");
          c = 0x3e;
          cpos = -1;
          p--;
        }
      }

      if (bslashmode) {
        bslashmode = false;
        if (cmntcnt > 0) {
          c = NOCHAR;
          continue;
        } else if (c !== 0x21 || state === QST) {
          if (used + tlen >= pvpbsize - 5) {
            onError?.("Address too long");
            return fail();
          }
          store(0x5c, bpos);
          continue;
        }
      }

      if (c === 0x5c) {
        bslashmode = true;
        bpos = cpos;
      } else if (state === QST) {
        /* nothing */
      } else if (c === 0x28 && tableParen === SPC) {
        cmntcnt++;
        c = NOCHAR;
      } else if (c === 0x29 && tableParen === SPC) {
        if (cmntcnt <= 0) {
          if (!ignore) {
            onError?.("Unbalanced ')'");
            c = NOCHAR;
          }
        } else cmntcnt--;
      } else if (cmntcnt > 0) {
        c = NOCHAR;
      } else if (c === 0x3c) {
        anglecnt++;
        let q = p;
        while (q < n && isSpace(addr.charCodeAt(q))) q++;
        if (addr.charCodeAt(q) === 0x40) routeSyntax = true;
      } else if (c === 0x3e) {
        if (anglecnt <= 0) {
          if (!ignore) {
            onError?.("Unbalanced '>'");
            c = NOCHAR;
          }
        } else anglecnt--;
        routeSyntax = false;
      } else if (delim === 0x20 && isSpace(c)) {
        c = 0x20;
      }

      if (c === NOCHAR) continue;

      if (c === delim && anglecnt <= 0 && state !== QST) break;

      const newstate = StateTab[state]![table[c & 0xff]!]!;
      state = newstate & TYPE;
      if (state === ILL) {
        if (c >= 0x20 && c <= 0x7e) onError?.(`Illegal character ${String.fromCharCode(c)}`);
        else onError?.(`Illegal character 0x${(c & 0xff).toString(16).padStart(2, "0")}`);
      }
      if (newstate & M) c = NOCHAR;
      if (newstate & B) break;
    }

    if (tlen > 0) {
      if (used + tlen >= pvpbsize - 5) {
        onError?.("Address too long");
        return fail();
      }
      const tok: string = tfixed ?? addr.slice(tstart, tstart + tlen);
      used += tlen + 1;
      if (av.length >= MAXATOM) {
        onError?.("prescan: too many tokens");
        return fail();
      }
      if (tok.length > MAXNAME) {
        onError?.("prescan: token too long");
        return fail();
      }
      av.push(tok);
    }
  } while (c !== 0 && (c !== delim || anglecnt > 0));

  const end = p > 0 ? p - 1 : p;
  if (av.length === 0) return { tokens: null, end };
  return { tokens: av, end };
}
