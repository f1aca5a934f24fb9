import { describe, expect, it } from "vitest";
import { renderRuleset } from "../../src/cf/index.js";
import { cf, errs, LOCAL_MAILER, ruleTokens } from "./helpers.js";

describe("S lines and ruleset numbering", () => {
  it("numbers named rulesets from 199 down, in order of first mention", () => {
    const m = cf(
      `V10/Berkeley\nScanonify=3\nSParse0\nHX-Check: $>HdrCheck\nMlocal, P=/bin/true, S=EnvFromL/HdrFromL, R=EnvToL, F=lsDFM, A=true $u\nSEnvFromL\nSOther\n`,
    );
    expect(errs(m)).toEqual([]);
    expect(Object.fromEntries(m.rulesetNumbers)).toEqual({
      canonify: 3,
      Parse0: 199,
      HdrCheck: 198,
      EnvFromL: 197,
      HdrFromL: 196,
      EnvToL: 195,
      Other: 194,
    });
    expect(m.rulesets.get(3)!.name).toBe("canonify");
    expect(m.rulesets.get(199)!.line).toBe(3);
    expect(m.rulesets.get(198)!.line).toBeNull();
  });

  it("keeps names case-sensitive", () => {
    const m = cf(`V10/Berkeley\nSfoo\nSFoo\n${LOCAL_MAILER}`);
    expect(m.rulesetNumbers.get("foo")).toBe(199);
    expect(m.rulesetNumbers.get("Foo")).toBe(198);
  });

  it("binds the last name to a number (RuleSetNames)", () => {
    const m = cf(`V10/Berkeley\nSa=5\nSb=5\n${LOCAL_MAILER}`);
    expect(m.rulesets.get(5)!.name).toBe("b");
    expect(m.rulesets.get(5)!.names).toEqual(["a", "b"]);
  });

  it("appends rules to a ruleset selected again", () => {
    const m = cf(`V10/Berkeley\nS1\nRa\tb\nS2\nRc\td\nS1\nRe\tf\n${LOCAL_MAILER}`, { env: { hostname: "h.example", opMode: "t" } });
    expect(ruleTokens(m, 1)).toEqual([
      { lhs: ["a"], rhs: ["b"] },
      { lhs: ["e"], rhs: ["f"] },
    ]);
    expect(errs(m)).toEqual(["WARNING: Ruleset 1 has multiple definitions"]);
    expect(renderRuleset(m, 1)).toBe("Ra \t\tb \nRe \t\tf \n");
  });

  it("does not print the multiple definitions warning outside test mode", () => {
    const m = cf(`V10/Berkeley\nO QueueDirectory=/q\nS1\nRa\tb\nS1\n${LOCAL_MAILER}`, { env: { hostname: "h.example", opMode: "d" } });
    expect(errs(m)).toEqual([]);
  });

  const errors: [string, string[]][] = [
    ["S200", ["test.cf: line 2: bad ruleset 200 (100 max)"]],
    ["S-1", ['test.cf: line 2: invalid ruleset name: "-1"']],
    ["S", ['test.cf: line 2: invalid ruleset name: ""']],
    ["S_x", ['test.cf: line 2: invalid ruleset name: "_x"']],
    ["Sfoo=abc", ["test.cf: line 2: bad ruleset definition \"foo=abc\" (number required after `=')"]],
    ["Sfoo = abc", ["test.cf: line 2: bad ruleset definition \"foo\" (number required after `=')"]],
    ["Sfoo=100", ['test.cf: line 2: bad ruleset number 100 in "foo=100" (100 max)']],
    ["Smax=99\nSmax=98", ["test.cf: line 3: max=98: ruleset changed value (old 99, new 98)"]],
    ["Sfoo\nSfoo=5", ["test.cf: line 3: foo=5: ruleset changed value (old 199, new 5)"]],
    ["R$*\tx", ['test.cf: line 2: missing valid ruleset for "R\x01*\tx"']],
    ["S200\nRa\tb", ["test.cf: line 2: bad ruleset 200 (100 max)", 'test.cf: line 3: missing valid ruleset for "Ra\tb"']],
  ];
  for (const [lines, want] of errors) {
    it(`error: ${lines.replace(/\n/g, " | ")}`, () => {
      expect(errs(cf(`V10/Berkeley\n${lines}\n${LOCAL_MAILER}`))).toEqual(want);
    });
  }

  it("allows 100 named rulesets (numbers 199..100)", () => {
    const names = Array.from({ length: 101 }, (_, i) => `S n${i}\n`).join("");
    expect(errs(cf(`V10/Berkeley\n${names}${LOCAL_MAILER}`))).toEqual(["test.cf: line 102: n100: too many named rulesets (100 max)"]);
  });
});

describe("R lines", () => {
  it("split LHS, RHS and comment at tabs; record the line number", () => {
    const m = cf(`V10/Berkeley\nS1\nR$+ @ $+\t\t$@ $1 < @ $2 >\t\tcomment text\nR$*\n\t$: $1\n${LOCAL_MAILER}`);
    const rules = m.rulesets.get(1)!.rules;
    expect(rules.map((r) => [r.line, r.comment])).toEqual([
      [3, "comment text"],
      [5, ""],
    ]);
    expect(ruleTokens(m, 1)).toEqual([
      { lhs: ["$+", "@", "$+"], rhs: ["$@", "$1", "<", "@", "$2", ">"] },
      { lhs: ["$*"], rhs: ["$:", "$1"] },
    ]);
  });

  it("expands macros at read time and keeps $& deferred", () => {
    const m = cf(`V10/Berkeley\nDXvalue\nS1\nR$X $&X ${"${X}"} $?X yes $| no $.\t$j\n${LOCAL_MAILER}`);
    expect(ruleTokens(m, 1)).toEqual([{ lhs: ["value", "$&X", "value", "yes"], rhs: ["mx", ".", "example", ".", "test"] }]);
  });

  const errors: [string, string[]][] = [
    ["R$1\tx", ["test.cf: line 3: Inappropriate use of $1-$9 on LHS"]],
    ["R$:\tx", ["test.cf: line 3: Inappropriate use of $: on LHS"]],
    ["R$>\tx", ["test.cf: line 3: Inappropriate use of $> on LHS"]],
    ["R$[\tx", ["test.cf: line 3: Inappropriate use of $[ on LHS"]],
    ["R$(\tx", ["test.cf: line 3: Inappropriate use of $( on LHS"]],
    ["R\tx", ["test.cf: line 3: R line: null LHS"]],
    ["Rx\t", ['test.cf: line 3: invalid rewrite line "Rx" (tab expected)']],
    ["Rx\t$?Q foo $.", ["test.cf: line 3: R line: null RHS"]],
    ["Rx", ['test.cf: line 3: invalid rewrite line "Rx" (tab expected)']],
    ["R$* $* $* $* $* $* $* $* $* $*\t$1", ["test.cf: line 3: R line: too many wildcards"]],
    ["R$*\t$2", ["test.cf: line 3: replacement $2 out of bounds"]],
    ["R$*\t$0", ["test.cf: line 3: replacement $0 out of bounds"]],
    ["R$*\t$*", ["test.cf: line 3: Inappropriate use of $* on RHS"]],
    ["R$*\t$=w", ["test.cf: line 3: Inappropriate use of $= on RHS"]],
    ["R$*\t$( a $( b $) $)", ["test.cf: line 3: cannot nest map lookups"]],
    ["R$*\t$( a $1", ["test.cf: line 3: missing map closing token"]],
    ["R$*\t$( m $@ 1 $@ 2 $@ 3 $@ 4 $@ 5 $@ 6 $@ 7 $@ 8 $@ 9 $@ 10 $)", ["test.cf: line 3: too many arguments for map lookup"]],
  ];
  for (const [line, want] of errors) {
    it(`error: ${line}`, () => {
      expect(errs(cf(`V10/Berkeley\nS1\n${line}\n${LOCAL_MAILER}`))).toEqual(want);
    });
  }
});
