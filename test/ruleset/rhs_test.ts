/* Right-hand side operators, ruleset calls, maps and the limits, table-driven over small rulesets. */

import { describe, expect, it } from "vitest";
import { bt, result } from "./helpers.js";

const CF = `Kdequote dequote
Karith arith
Kmacro macro
Kseq sequence dequote
SPrefix
R$*	$: $1 x
R$* x	$: $1 y
SStop
R$*	$@ $1 stop
R$*	never
SCall
R$* + $*	$: $1 $>Sub $2
SSub
R$*	$@ <sub $1>
SCallName
R$*	$: $>"Sub" $1
SMap
R$*	$: $(dequote $1 $)
SDefault
R$*	$: $(dequote $1 $: fallback $)
SArith
R$- $- $-	$: $(arith $2 $@ $1 $@ $3 $)
SMacro
R$*	$: $(macro {mine} $@ $1 $)
R$*	$@ $&{mine}
SMissing
R$*	$: $(nomap $1 $: dflt $)
STriple
R$*	$# smtp $@ host $: $1
SErr
R$*	$#error $@ 5.1.1 $: "550 nope"
SDefer
R$*	$: $&x
SLoop
R$+	$1
SHost
R$*	$: $[ $1 $]
`;

describe("right-hand sides", () => {
  const cases: [string, string][] = [
    ["Prefix a", "a y"],
    ["Stop a", "a stop"],
    ["Call a+b", "a < sub b >"],
    ["CallName a", "< sub a >"],
    ['Map "abc"', "abc"],
    ['Map "a b"', '"a b"'],
    ["Default a b", "fallback"],
    ["Arith 3 + 4", "7"],
    ["Arith 3 * 4", "12"],
    ["Arith 3 l 4", "TRUE"],
    ["Macro val", "val"],
    ["Missing k", "dflt"],
    ["Triple u", "$# smtp $@ host $: u"],
    ["Err u", '$# error $@ 5 . 1 . 1 $: "550 nope"'],
  ];
  for (const [line, want] of cases) it(line, async () => expect(await result(CF, line)).toBe(want));

  it("expands $&x at rewrite time", async () => {
    expect(await result(CF, "Defer q", [".Dxa@b"])).toBe("a @ b");
  });
  it("reports a missing map and uses the default", async () => {
    expect(await bt(CF, ["Missing k"])).toContain("rewrite: map nomap not found\n");
  });
  it("stops an endless ruleset after 100 tries", async () => {
    const out = await bt(CF, ["Loop a"]);
    expect(out).toContain("Infinite loop in ruleset Loop, rule 1\n");
  });
  it("answers host lookups without a network (no hosts file: unchanged)", async () => {
    expect(await result(CF, "Host nowhere.invalid")).toBe("nowhere . invalid");
  });
  it("reports unknown rulesets and out-of-range replacements", async () => {
    const out = await bt("SBad\nR$*\t$>Nosuch $1\n", ["Bad a"]);
    expect(out).toContain("Unknown ruleset Nosuch\n");
    expect(out).toContain("== Ruleset Bad (");
  });
});

describe("tracing", () => {
  it("prints -d21.12 rule traces", async () => {
    const out = await bt("SOne\nR$* < $+ >\t$1 $2\nR$*\t$@ none\n", ["-d21.12", "One x"]);
    expect(out).toBe(
      "One                input: x\n-----trying rule: $* < $+ >\n----- rule fails\n-----trying rule: $*\n" +
        "-----rule matches: $@ none\nrewritten as: none\nOne              returns: none\n",
    );
  });
});
