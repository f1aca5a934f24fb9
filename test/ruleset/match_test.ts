/* The left-hand side matcher: each operator, case folding, classes and backtracking (table-driven). */

import { describe, expect, it } from "vitest";
import { result } from "./helpers.js";

const CF = `CXfoo bar.baz
C{Multi}a.b.c
SZany
R$* @ $*	$@ <$1> <$2>
SAny
R$+ @ $+	$@ <$1> <$2>
SOne
R$- @ $-	$@ <$1> <$2>
SZero
R$@	$@ empty
R$*	$@ nonempty
SCls
R$=X . $*	$@ in <$1> <$2>
R$~X $*	$@ notin <$1> <$2>
SMulti
R$* $={Multi} $*	$@ <$1> <$2> <$3>
SLit
R<USER> @ Host	$@ literal
SBack
R$* . $* . $*	$@ <$1> <$2> <$3>
SDefer
R$&x @ $*	$@ defer <$1>
`;

describe("matcher", () => {
  const cases: [string, string, string][] = [
    ["Zany", "a@b", "< a > < b >"],
    ["Zany", "@", "< > < >"],
    ["Zany", "a@b@c", "< a > < b @ c >"],
    ["Any", "@b", "@ b"],
    ["Any", "a.b@c", "< a . b > < c >"],
    ["One", "a@b", "< a > < b >"],
    ["One", "a.b@c", "a . b @ c"],
    ["Zero", "", ""],
    ["Zero", "x", "nonempty"],
    ["Cls", "bar.baz.q", "in < bar . baz > < q >"],
    ["Cls", "FOO.q", "in < FOO > < q >"],
    ["Cls", "zzz y", "notin < zzz > < y >"],
    ["Multi", "x a.b.c y", "< x > < a . b . c > < y >"],
    ["Lit", "<user>@HOST", "literal"],
    ["Back", "a.b.c.d", "< a > < b > < c . d >"],
  ];
  for (const [rs, addr, want] of cases) {
    it(`${rs} ${addr}`, async () => {
      expect(await result(CF, `${rs} ${addr === "" ? "" : addr}`.trimEnd() + (addr === "" ? " " : ""))).toBe(want);
    });
  }
  it("matches $&x against the macro's tokens at run time", async () => {
    expect(await result(CF, "Defer me@there", [".Dxme"])).toBe("defer < there >");
    expect(await result(CF, "Defer me@there", [".Dxyou"])).toBe("me @ there");
  });
});
