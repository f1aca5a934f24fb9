import { describe, expect, it } from "vitest";
import { chars, expand, macidParse, MacroIds, MacroTable, munchString, quoteInternalChars, translateDollars, xputs } from "../../src/cf/index.js";
import { Diagnostics } from "../../src/cf/diag.js";
import { bytes, cf, errs, LOCAL_MAILER } from "./helpers.js";

const { MACROEXPAND, METAQUOTE, CONDIF, CONDELSE, CONDFI } = chars;

function translate(line: string, level = 10): { out: string; errors: string[] } {
  const diag = new Diagnostics("t.cf");
  const ids = new MacroIds();
  const out = translateDollars(line, level, ids, diag);
  return { out: xputs(out, (id) => ids.nameOf(id)), errors: diag.list.map((e) => e.message) };
}

describe("translate_dollars", () => {
  const cases: [string, string, string][] = [
    ["$x becomes internal and prints back", "Dz$x", "Dz$x"],
    ["$$ is a dollar", "DzA$$B", "DzA$B"],
    ["long names", "Dz${client_addr}", "Dz${client_addr}"],
    ["${x} is $x", "Dz${x}", "Dz$x"],
    ["comment removed with the white space before it", "Dzvalue   # comment", "Dzvalue"],
    ["\\# is a literal hash", "Dza\\#b", "Dza#b"],
    ["$# is not a comment", "R$#local", "R$#local"],
    ["trailing white space stripped", "Dzx \t ", "Dzx"],
    ["a comment on a continuation line keeps the newline", "Dza # c\n\tb", "Dza\\n\\tb"],
    ["$ at the end stays", "Dzx$", "Dzx$"],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => {
      const r = translate(input);
      expect(r.errors).toEqual([]);
      expect(r.out).toBe(want);
    });
  }

  it("does not strip comments below config level 3", () => {
    expect(translate("Dzvalue # x", 2).out).toBe("Dzvalue # x");
  });

  it("quotes octets 0200-0237 and 0377 with METAQUOTE", () => {
    expect(quoteInternalChars(bytes(0x41, 0x81, 0xe9, 0xff))).toBe(bytes(0x41, METAQUOTE, 0x81, 0xe9, METAQUOTE, 0xff));
    const diag = new Diagnostics(null);
    expect(translateDollars(bytes(0x44, 0x7a, 0x9f), 10, new MacroIds(), diag)).toBe(bytes(0x44, 0x7a, METAQUOTE, 0x9f));
  });

  it("truncates the line at a bad macro name, like sendmail's NUL", () => {
    const r = translate("Dz$}rest", 10);
    expect(r.out).toBe("Dz$}rest");
    const bad = translate("Hx: ${Foo?bar");
    expect(bad.errors).toEqual([
      "Invalid macro/class character ?",
      "Unbalanced { on Foobar",
      "Unable to assign macro/class ID (mid = 0xffffffff)",
    ]);
    expect(bad.out).toBe("Hx: $");
  });
});

describe("macid_parse", () => {
  const cases: [string, number | string, number, string[]][] = [
    ["x", 0x78, 1, []],
    ["{x}", 0x78, 3, []],
    ["{client_addr} rest", "client_addr", 13, []],
    ["", 0, 0, ["Name required for macro/class"]],
    ["{}", 0, 0, ["Name required for macro/class"]],
    ["{a-b}", "ab", 5, ["Invalid macro/class character -"]],
    ["{abc", 0, 4, ["Unbalanced { on abc", "Unable to assign macro/class ID (mid = 0xffffffff)"]],
    [
      "{abcdefghijklmnopqrstuvwxyz}",
      0,
      26,
      ["Macro/class name ({abcdefghijklmnopqrstuvwxy}) too long (25 chars max)", "Unable to assign macro/class ID (mid = 0xffffffff)"],
    ],
  ];
  for (const [input, id, end, errors] of cases) {
    it(JSON.stringify(input), () => {
      const ids = new MacroIds();
      const diag = new Diagnostics(null);
      const r = macidParse(input, 0, ids, diag);
      expect(r.id).toBe(typeof id === "string" ? ids.byName.get(id) : id);
      expect(r.end).toBe(end);
      expect(diag.list.map((e) => e.message)).toEqual(errors);
    });
  }

  it("gives long names ids from 0240 on, in order of first use", () => {
    const ids = new MacroIds();
    const a = ids.longId("alpha");
    expect(a).toBeGreaterThanOrEqual(0xa0);
    expect(ids.longId("beta")).toBe(a + 1);
    expect(ids.longId("alpha")).toBe(a);
    expect(ids.nameOf(a)).toBe("alpha");
  });
});

describe("expand", () => {
  const ids = new MacroIds();
  const t = MacroTable.initial();
  t.set(0x78, "ex");
  t.set(0x79, "");
  t.set(0x7a, bytes(MACROEXPAND, 0x78, 0x21));
  t.set(0x6c, bytes(MACROEXPAND, 0x6c));
  const cases: [string, string, string][] = [
    ["plain text is unchanged", "hello", "hello"],
    ["macros interpolate", bytes(0x3c, MACROEXPAND, 0x78, 0x3e), "<ex>"],
    ["undefined macros vanish", bytes(0x61, MACROEXPAND, 0x51, 0x62), "ab"],
    ["values are expanded recursively", bytes(MACROEXPAND, 0x7a), "ex!"],
    ["$?x yes $| no $. (set)", bytes(CONDIF, 0x78, 0x79, 0x65, 0x73, CONDELSE, 0x6e, 0x6f, CONDFI), "yes"],
    ["$?y yes $| no $. (empty is unset)", bytes(CONDIF, 0x79, 0x79, 0x65, 0x73, CONDELSE, 0x6e, 0x6f, CONDFI), "no"],
    ["nested conditionals", bytes(CONDIF, 0x79, 0x41, CONDIF, 0x78, 0x42, CONDFI, CONDELSE, 0x43, CONDFI), "C"],
    ["$| outside a conditional is kept", bytes(0x61, CONDELSE, 0x62), bytes(0x61, CONDELSE, 0x62)],
    ["METAQUOTE protects the next octet", bytes(METAQUOTE, MACROEXPAND, 0x78), bytes(METAQUOTE, MACROEXPAND, 0x78)],
    ["meta macros give meta octets", bytes(MACROEXPAND, 0x2a, MACROEXPAND, 0x31), bytes(0x90, 0x95, 0x31)],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => {
      expect(expand(input, t, null)).toBe(want);
    });
  }

  it("stops recursing after 10 levels", () => {
    const diag = new Diagnostics(null);
    expect(expand(bytes(MACROEXPAND, 0x6c), t, diag)).toBe(bytes(MACROEXPAND, 0x6c));
    expect(diag.list.map((e) => e.message)).toEqual(["expand: recursion too deep (10 max)"]);
    void ids;
  });

  it("cuts the result to the buffer size", () => {
    expect(expand("x".repeat(3000), t, null)).toHaveLength(2047);
    expect(expand("x".repeat(60), t, null, 50)).toHaveLength(49);
  });
});

describe("munchstring", () => {
  const cases: [string, number, string, number][] = [
    ["abc,def", 0x2c, "abc", 3],
    ['"a,b",c', 0x2c, "a,b", 5],
    ["a\\,b,c", 0x2c, "a,b", 4],
    ["x\\ny\\rz\\t", 0, "x\ny\rzt", 9],
    ["\\f\\b\\\\", 0, "\f\b\\", 6],
  ];
  for (const [input, delim, value, end] of cases) {
    it(JSON.stringify(input), () => {
      expect(munchString(input, 0, delim)).toEqual({ value, end });
    });
  }
});

describe("D lines", () => {
  it("store values unexpanded, munched", () => {
    const m = cf(`V10/Berkeley\nDXa $j "b  c" d\\"e\nD{Long}x\nDn${"Mailer Daemon"}\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    expect(m.macros.get("X")!.value).toBe(`a ${bytes(MACROEXPAND, 0x6a)} b  c d"e`);
    expect(m.macros.get("X")!.line).toBe(2);
    expect(m.macros.get("Long")!.value).toBe("x");
    expect(m.macros.get("n")!.value).toBe("Mailer Daemon");
    expect(m.macros.get("j")!.source).toBe("predefined");
  });

  it("report bad names", () => {
    const m = cf(`V10/Berkeley\nD\nD{}x\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual(["test.cf: line 2: Name required for macro/class", "test.cf: line 3: Name required for macro/class"]);
  });

  it("shortens $w at the V line (level >= 5)", () => {
    const m = cf(`V10/Berkeley\n${LOCAL_MAILER}`);
    expect(m.macros.get("w")!.value).toBe("mx");
    expect(m.macros.get("j")!.value).toBe("mx.example.test");
    expect(m.macros.get("m")!.value).toBe("example.test");
  });
});
