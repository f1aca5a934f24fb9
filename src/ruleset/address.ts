/*
 * address - the token-list helpers rewrite() needs around prescan():
 * cataddr() (tokens back to a string, SpaceSub between adjacent atoms),
 * stripquotes(), and the prescan() wrapper that reports errors the way
 * usrerr() prints them in address test mode ("ADDR... message").
 */

import { prescan, type TokenTables } from "../cf/tokenize.js";

const ATM = 1;

/** sendmail's cataddr(): join tokens first..last (inclusive); spaceSub between two atoms. */
export function cataddr(
  pvp: readonly string[],
  first: number,
  last: number,
  spaceSub: string,
  table: Uint8Array,
  limit = 2048,
): string {
  let out = "";
  let oatom = false;
  const sz = limit - 2;
  for (let i = first; i <= last && i < pvp.length; i++) {
    const t = pvp[i]!;
    const natom = table[t.charCodeAt(0) & 0xff] === ATM;
    if (oatom && natom) {
      if (out.length + 1 >= sz) break;
      out += spaceSub;
    }
    if (out.length + t.length >= sz) {
      out += t.slice(0, Math.max(0, sz - 1 - out.length));
      break;
    }
    out += t;
    oatom = natom;
  }
  return out;
}

/** sendmail's stripquotes(): drop unescaped double quotes, keep escaped octets without the backslash. */
export function stripquotes(s: string): string {
  if (s.indexOf('"') < 0 && s.indexOf("\\") < 0) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    if (c === "\\") {
      i++;
      if (i >= s.length) break;
      c = s[i]!;
    } else if (c === '"') continue;
    out += c;
  }
  return out;
}

/** Result of tokenizing an address. */
export interface ScanResult {
  /** Tokens, or null on error (or nothing to scan). */
  readonly tokens: string[] | null;
  /** Index of the delimiter (or end). */
  readonly end: number;
}

/** sendmail's shortenstring() for message prefixes. */
export function shortenString(s: string, m: number): string {
  if (s.length < m) return s;
  if (m < 10) return s.slice(0, m) + "...";
  const half = Math.floor((m - 3) / 2);
  return s.slice(0, half) + "..." + s.slice(s.length - half);
}

/**
 * prescan() an address; errors are passed to report() already formatted
 * as usrerr() prints them with e_to set to the address.
 */
export function scanAddress(
  addr: string,
  delim: number,
  table: Uint8Array,
  report: ((text: string) => void) | null,
  eightBitAddrOk = false,
): ScanResult {
  const r = prescan(addr, table, {
    delim,
    ignore: false,
    eightBitAddrOk,
    onError: report === null ? undefined : (msg) => report(`${shortenString(delim === 0 ? addr : addr.slice(0, endOfAddr(addr, delim)), 203)}... ${msg}`),
  });
  return { tokens: r.tokens, end: r.end };
}

/** Where an address ends for the message prefix (the whole rest of the line, like e_to). */
function endOfAddr(addr: string, _delim: number): number {
  return addr.length;
}

export type { TokenTables };
