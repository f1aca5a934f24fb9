/* Address tokenization (prescan with the address tables) and cataddr/stripquotes, table-driven. */

import { describe, expect, it } from "vitest";
import { cataddr, scanAddress, stripquotes } from "../../src/ruleset/address.js";
import { makeTokenTables } from "../../src/cf/tokenize.js";

const T = makeTokenTables(".:%@!^/[]+");

describe("scanAddress (external table)", () => {
  const cases: [string, string[] | null][] = [
    ["user@host", ["user", "@", "host"]],
    ["a.b@c.d", ["a", ".", "b", "@", "c", ".", "d"]],
    ['"quoted str"@x', ['"quoted str"', "@", "x"]],
    ["user (comment) @host", ["user", "@", "host"]],
    ["<a@b>", ["<", "a", "@", "b", ">"]],
    ["a!b%c", ["a", "!", "b", "%", "c"]],
    ["a\\@b", ["a\\@b"]],
    ["$|", ["$|"]],
    ["", null],
  ];
  for (const [input, want] of cases) {
    it(JSON.stringify(input), () => {
      expect(scanAddress(input, 0, T.ext, null).tokens).toEqual(want);
    });
  }
  it("keeps parentheses as operators with the level-9 table", () => {
    expect(scanAddress("user (c) @host", 0, T.noc, null).tokens).toEqual(["user", "(", "c", ")", "@", "host"]);
  });
  it("closes an unbalanced '<' and reports it with the address", () => {
    const msgs: string[] = [];
    expect(scanAddress("<a@b", 0, T.ext, (m) => msgs.push(m)).tokens).toEqual(["<", "a", "@", "b", ">"]);
    expect(msgs).toEqual(["<a@b... Unbalanced '<'"]);
  });
  it("stops at the delimiter", () => {
    const r = scanAddress("a@b, c@d", 0x2c, T.ext, null);
    expect(r.tokens).toEqual(["a", "@", "b"]);
    expect(r.end).toBe(3);
  });
});

describe("cataddr", () => {
  const cases: [string[], string][] = [
    [["user", "@", "host"], "user@host"],
    [["a", "b", ".", "c"], "a b.c"],
    [[], ""],
  ];
  for (const [toks, want] of cases) it(toks.join(" "), () => expect(cataddr(toks, 0, toks.length - 1, " ", T.ext)).toBe(want));
});

describe("stripquotes", () => {
  const cases: [string, string][] = [
    ['"a b"', "a b"],
    ["a\\\"b", 'a"b'],
    ["plain", "plain"],
  ];
  for (const [i, o] of cases) it(i, () => expect(stripquotes(i)).toBe(o));
});
