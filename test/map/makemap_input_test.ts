/*
 * makemap_input_test - how makemap reads its input lines (table-driven).
 * The expectations were taken from Debian's makemap 8.17; the oracle
 * suite (makemap_oracle_test) re-checks the same rules against it live.
 */

import { describe, expect, it } from "vitest";
import { parseMakemapInput, type InputOptions } from "../../src/map/makemap_input.js";

const base: InputOptions = { sep: null, comment: 0x23, keepCase: false, nul: false, allowEmpty: false };

/** Items as printable strings: "k=v" or "!line:error". */
function run(input: string, o: Partial<InputOptions> = {}): string[] {
  return [...parseMakemapInput(Buffer.from(input, "latin1"), { ...base, ...o })].map((it) =>
    it.kind === "entry" ? `${it.line}:${it.key.toString("latin1")}=${it.value.toString("latin1")}` : `!${it.line}:${it.text}`,
  );
}

const cases: Array<{ name: string; input: string; opts?: Partial<InputOptions>; want: string[] }> = [
  { name: "key and value", input: "a b\n", want: ["1:a=b"] },
  { name: "keys fold to lower case", input: "Foo Bar\n", want: ["1:foo=Bar"] },
  { name: "-f keeps case", input: "Foo Bar\n", opts: { keepCase: true }, want: ["1:Foo=Bar"] },
  { name: "only ASCII folds", input: "K\xc9Y v\n", want: ["1:k\xc9y=v"] },
  { name: "value keeps inner and trailing blanks", input: "k\t \tv  x  \n", want: ["1:k=v  x  "] },
  { name: "carriage return is part of the value", input: "k v\r\n", want: ["1:k=v\r"] },
  { name: "comments and blank lines", input: "# c\n\nk v\n", want: ["3:k=v"] },
  { name: "comment char only at line start", input: "k v # not a comment\n", want: ["1:k=v # not a comment"] },
  { name: "-D changes the comment char", input: ";c\n#k v\n", opts: { comment: 0x3b }, want: ["2:#k=v"] },
  { name: "leading space is an error", input: "  k v\n\tx y\n", want: ["!1:syntax error (leading space)", "!2:syntax error (leading space)"] },
  { name: "missing value", input: "KEY3\nkey4   \n", want: ["!1:no RHS for LHS key3", "!2:no RHS for LHS key4"] },
  { name: "-e allows an empty value", input: "k\nk2 \n", opts: { allowEmpty: true }, want: ["1:k=", "2:k2="] },
  { name: "-t splits at the delimiter", input: "k ey:value\nk2: v2\nk3::v3\n", opts: { sep: 0x3a }, want: ["1:k ey=value", "2:k2= v2", "3:k3=v3"] },
  { name: "-t: leading space allowed", input: " k:v\n", opts: { sep: 0x3a }, want: ["1: k=v"] },
  { name: "-t: no delimiter", input: "nocolon here\n", opts: { sep: 0x3a }, want: ["!1:no RHS for LHS nocolon here"] },
  { name: "last line without newline", input: "a b\nlast noeol", want: ["1:a=b", "2:last=noeol"] },
  { name: "percent signs are kept", input: "a %%1 %1\n", want: ["1:a=%%1 %1"] },
  {
    name: "a 1023-byte line is too long and its rest is the next line",
    input: "a " + "x".repeat(1100) + "\nb c\n",
    want: ["!1:line too long (1024 bytes max)", "2:" + "x".repeat(79) + "=", "3:b=c"].map((s, i) =>
      i === 1 ? "!2:no RHS for LHS " + "x".repeat(79) : s,
    ),
  },
  { name: "a 1022-byte line is fine", input: "a " + "x".repeat(1020) + "\n", want: ["1:a=" + "x".repeat(1020)] },
  { name: "NUL ends the line's text", input: "a b\0c\nd e\n", want: ["!1:line too long (1024 bytes max)", "2:d=e"] },
];

describe("makemap input lines", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(run(c.input, c.opts)).toEqual(c.want);
    });
  }

  it("-N stores a NUL after key and value", () => {
    const [it0] = [...parseMakemapInput(Buffer.from("Key Value\n"), { ...base, nul: true })];
    expect(it0).toMatchObject({ kind: "entry" });
    if (it0?.kind === "entry") {
      expect([...it0.key]).toEqual([...Buffer.from("key\0")]);
      expect([...it0.value]).toEqual([...Buffer.from("Value\0")]);
    }
  });
});
