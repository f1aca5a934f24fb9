import { describe, expect, it } from "vitest";
import { chars, makeTokenTables, prescan } from "../../src/cf/index.js";
import { bytes, cf, errs, LOCAL_MAILER, ruleTokens } from "./helpers.js";

const { MATCHZANY, MATCHCLASS, MACRODEXPAND, CONDELSE, CANONHOST, CALLSUBR, MATCHREPL } = chars;

describe("prescan on rule text (R lines)", () => {
  const cases: [string, string, string[]][] = [
    ["simple pattern", "$* < @ $+ > $*", ["$*", "<", "@", "$+", ">", "$*"]],
    ["atoms and operators", "user.name@host", ["user", ".", "name", "@", "host"]],
    ["class match keeps its name in the token", "$=w $~{Long} $=Y", ["$=w", "$~{Long}", "$=Y"]],
    ["deferred macros are single tokens", "$&x $&{client_addr}", ["$&x", "$&{client_addr}"]],
    ["$| is a token", "$* $| $*", ["$*", "$|", "$*"]],
    ["quoted strings stay whole", '"a b" c', ['"a b"', "c"]],
    ["backslash keeps the next octet in the atom", "a\\@b \\! c", ["a\\@b", "!", "c"]],
    ["parentheses are operators at config level 10", "a (b) c", ["a", "(", "b", ")", "c"]],
    ["a continuation line is white space", "a\n b", ["a", "b"]],
    ["$@ on the LHS", "$@", ["$@"]],
    ["operator chars of the Debian cf", "a%b!c^d/e+f", ["a", "%", "b", "!", "c", "^", "d", "/", "e", "+", "f"]],
  ];
  for (const [name, lhs, want] of cases) {
    it(name, () => {
      const m = cf(`V10/Berkeley\nO OperatorChars=.:%@!^/[]+\nS1\nR${lhs}\tx\n${LOCAL_MAILER}`);
      expect(errs(m)).toEqual([]);
      expect(ruleTokens(m, 1)[0]!.lhs).toEqual(want);
    });
  }

  it("keeps tokens in sendmail's internal octets", () => {
    const m = cf(`V10/Berkeley\nS1\nR$* $=w $&x $|\t$@ $>1 $1\n${LOCAL_MAILER}`);
    const r = m.rulesets.get(1)!.rules[0]!;
    expect(r.lhs).toEqual([bytes(MATCHZANY), bytes(MATCHCLASS, 0x77), bytes(MACRODEXPAND, 0x78), bytes(CONDELSE)]);
    expect(r.rhs).toEqual([bytes(CANONHOST), bytes(CALLSUBR), "1", bytes(MATCHREPL, 0x31)]);
  });

  it("strips comments in parentheses below config level 9", () => {
    const m = cf(`V8/Berkeley\nS1\nRa (comment) b\tx\n${LOCAL_MAILER}`);
    expect(ruleTokens(m, 1)[0]!.lhs).toEqual(["a", "b"]);
  });

  it("fixes the operator characters at the first R line", () => {
    const m = cf(`V10/Berkeley\nS1\nRa!b\tx\nO OperatorChars=.:@!\nRa!b\tx\n${LOCAL_MAILER}`);
    expect(ruleTokens(m, 1).map((r) => r.lhs)).toEqual([["a!b"], ["a!b"]]);
    expect(m.operatorChars).toBe(".:@[]");
    expect(errs(m)).toEqual([
      "Warning: OperatorChars is being redefined.\n         It should only be set before ruleset definitions.",
    ]);
  });

  it("uses $o as operator characters below config level 7", () => {
    const m = cf(`V6\nDo.:%@!\nS1\nRa!b%c\tx\n${LOCAL_MAILER}`);
    expect(ruleTokens(m, 1)[0]!.lhs).toEqual(["a", "!", "b", "%", "c"]);
  });
});

describe("prescan on addresses (external table)", () => {
  const tables = makeTokenTables(".:@[]");
  const cases: [string, string[] | null][] = [
    ["user@example.com", ["user", "@", "example", ".", "com"]],
    ["Full Name <user@host>", ["Full", "Name", "<", "user", "@", "host", ">"]],
    ["user (comment) @host", ["user", "@", "host"]],
    ['"quoted user"@host', ['"quoted user"', "@", "host"]],
    ["a\\ b@c", ["a\\ b", "@", "c"]],
    ["", null],
    ["   ", null],
  ];
  for (const [addr, want] of cases) {
    it(JSON.stringify(addr), () => {
      expect(prescan(addr, tables.ext).tokens).toEqual(want);
    });
  }

  it("reports and repairs unbalanced brackets when not ignoring", () => {
    const errors: string[] = [];
    const r = prescan("<user@host", tables.ext, { onError: (m) => errors.push(m) });
    expect(errors).toEqual(["Unbalanced '<'"]);
    expect(r.tokens).toEqual(["<", "user", "@", "host", ">"]);
  });

  it("stops at the delimiter outside brackets", () => {
    const r = prescan("a@b, c@d", tables.ext, { delim: 0x2c });
    expect(r.tokens).toEqual(["a", "@", "b"]);
    expect(r.end).toBe(3);
  });

  it("limits the number of tokens to MAXATOM (1000)", () => {
    const errors: string[] = [];
    expect(prescan("a ".repeat(1000), tables.ext).tokens).toHaveLength(1000);
    expect(prescan("a ".repeat(1001), tables.ext, { onError: (m) => errors.push(m) }).tokens).toBeNull();
    expect(errors).toEqual(["prescan: too many tokens"]);
  });
});
