import { describe, expect, it } from "vitest";
import { chars, xputs } from "../../src/cf/index.js";
import { bytes } from "./helpers.js";

const namer = (id: number): string => (id === 0xa0 ? "opMode" : id === 0xa1 ? "client_addr" : String.fromCharCode(id));

describe("xputs", () => {
  const c = chars;
  const cases: [string, string, string][] = [
    ["printable text", "user@host", "user@host"],
    ["meta symbols", bytes(c.MATCHZANY, c.MATCHANY, c.MATCHONE, c.CANONNET, c.CANONHOST, c.CANONUSER, c.CALLSUBR), "$*$+$-$#$@$:$>"],
    ["brackets", bytes(c.HOSTBEGIN, c.HOSTEND, c.LOOKUPBEGIN, c.LOOKUPEND), "$[$]$($)"],
    ["conditionals", bytes(c.CONDIF, c.CONDELSE, c.CONDFI), "$?$|$."],
    ["replacement", bytes(c.MATCHREPL, 0x31), "$1"],
    ["class with a short name", bytes(c.MATCHCLASS, 0x77), "$=w"],
    ["class with a long name", bytes(c.MATCHNCLASS, 0xa1), "$~{client_addr}"],
    ["macro expansion", bytes(c.MACROEXPAND, 0x6a), "$j"],
    ["deferred long macro", bytes(c.MACRODEXPAND, 0xa1), "$&{client_addr}"],
    ["newline, return, tab", "a\nb\rc\td", "a\\nb\\rc\\td"],
    ["other control characters print nothing", bytes(0x61, 0x01, 0x62, 0x7f), "ab"],
    ["unknown meta octet", bytes(0x80, 0x41), "M-A"],
    ["8-bit text", bytes(0xe9), "M-i"],
    ["METAQUOTE", bytes(c.METAQUOTE, 0xe9), "M-M-i"],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => {
      expect(xputs(input, namer)).toBe(want);
    });
  }
  it("prints <null> for null", () => {
    expect(xputs(null, namer)).toBe("<null>");
  });
});
