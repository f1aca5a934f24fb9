/*
 * eval_unit_test - the eval builtin against GNU m4 1.4.19
 *
 * Every case is run through the real /usr/bin/m4 (all in one run, cases told
 * apart by marker text on stdout and stderr) and through evalBuiltin; the
 * expansion and the diagnostics must match, and so must whether each kind of
 * diagnostic is a warning or an error (found from m4's exit status with one
 * extra run per kind). Without m4 that suite is skipped and only the
 * property checks at the end run.
 */

import { describe, expect, it } from "vitest";
import { evalBuiltin } from "../../src/m4/eval.js";
import { LQ, RQ, describeAgainstM4, m4Call, strictDiag } from "./oracle_harness.js";

interface Case {
  name: string;
  args: string[];
}

/** The m4 source text of a call. */
function callText(c: Case): string {
  return m4Call(c.name, c.args);
}

const PRELUDE = `changequote(${LQ},${RQ})dnl\ndefine(${LQ}myeval${RQ},defn(${LQ}eval${RQ}))dnl\n`;

/** Groups diagnostics whose texts differ only in the expression or numbers. */
function kindKey(text: string): string {
  return text
    .replace(/: .*$/s, ":")
    .replace(/-?\d+/g, "N")
    .replace(/`[^']*'/g, "`X'");
}

// ---------------------------------------------------------------------------
// The cases.

const cases: Case[] = [];
const seen = new Set<string>();
/** Add a case unless it is already there. */
function add(args: string[], name = "eval"): void {
  const c = { name, args };
  const key = callText(c);
  if (seen.has(key)) return;
  seen.add(key);
  cases.push(c);
}

// Hand-picked expressions: numbers, operators, errors, whitespace.
const EXPRS = [
  "0", "1", "-1", "+1", "42", "007", "08", "09", "0x", "0x0", "0xff", "0XFF", "0x1g", "0xG", "0x7fffffff",
  "0x80000000", "0xffffffff", "0x100000001", "0b", "0b101", "0B11", "0b2", "0b102", "0r2:101", "0R16:ff",
  "0r36:zz", "0r36:ZZ", "0r1:", "0r1:0", "0r1:1", "0r1:01", "0r1:111", "0r1:10", "0r1:1101", "-0r1:111",
  "0r10:", "0r010:9", "0r00036:z", "0r000000000000000000036:z", "0r37:1", "0r0:1", "0r:1", "0r10", "0r",
  "0r9999999999999999999999999:1", "0r2:", "0r2:2", "0r3:12", "0r36:", "0r8:777", "0r16:-1", "0r5:+1",
  "2147483647", "2147483648", "4294967295", "4294967296", "4294967297", "99999999999999999999",
  "-2147483648", "-2147483649", "0777777777777", "017777777777", "020000000000", "1e3", "1.5", "1,2",
  " 1", "1 ", "\t1\t", "1\n+2", "1\v+\f2\r", "  ", " ", "\n",
  "1/0", "0/0", "1%0", "0%0", "1 /0", "2**-1", "0**-1", "0**0", "0**0**0", "2**0**0", "0**1", "1**0",
  "-2147483648/-1", "-2147483648%-1", "-2147483648*-1", "-2147483648/2", "-2147483648%2", "-7/2", "-7%2",
  "7%-2", "7/-2", "-7/-2", "-7%-2", "10/3*3", "2147483647+1", "-2147483648-1", "65536*65536", "65537*65537",
  "1<<31", "1<<32", "1<<33", "1<<-1", "7<<-31", "-1<<1", "-8>>1", "-1>>1", "-1>>31", "-1>>32", "7>>-1",
  "-2147483648>>31", "-2147483648>>1", "2147483647>>30", "1<<0", "1>>0",
  "-2**2", "2**3**2", "-2**3", "!0**2", "~0**2", "(-2)**31", "(-2)**32", "3**40", "7**223456789",
  "-1**21474837", "(-3)**1000001", "2**31", "2**30", "2**32", "3**-0", "(-3)**3", "10**9", "10**10", "-(-2147483648)",
  "+-+-1", "!5", "!!5", "!0", "~5", "~0", "~~5", "-~5", "~-5", "!-1", "- -1", "--1", "++1", "+ +1", "-+1",
  "1<2<3", "3>2>1", "1==1==1", "5&3|8^2", "1|2&&0", "1 > 0 == 1", "4 == 4 && 0 || 1", "2 + 3 * 4",
  "(2 + 3) * 4", "2 * 3 + 4", "1 - 2 - 3", "100 / 10 / 5", "2 ** 2 ** 3", "1 + 2 << 3", "1 << 2 + 3",
  "8 >> 1 + 1", "3 & 5 == 5", "1 | 2 ^ 3 & 4", "6 ^ 3 | 8", "-3 % 2 * 5", "1 < 2 == 2 > 1",
  "0 || 0", "5 || 0", "0 && 5", "3 && 4", "0 || 7", "0 && 0", "-1 && -1", "0||1/0", "1&&1/0",
  "0&&1/0", "1||1/0", "5||1/0", "1||(", "1||1/0||3", "0&&1/0||3", "0&&(1/0)", "0&&1/0 ", "1 || 1/0 + 2",
  "1||1/0*2", "1||(1/0)", "(1||1/0)", "1||2**-1+3", "0 && 2**-1", "0 && 1%0", "0 && 0**0", "0 || 0**0",
  "1 && 1%0", "0 ||1 ||1/0", "1 ** 2 ** -1", "0&&(", "0 && 1 $", "1 || 1 2", "1 || 1/0 $", "1 || 1/0 2",
  "0 && 1/0 += 2", "1 || 1 = 2", "0 && 1 = 2", "1 || 2 ** -1 ** 2", "0 && (1/0) || 1", "1 || -(1/0)",
  "1 = 2", "1 = 1", "1 = 2 = 3", "(1=1)", "1 = 1/0", "1 =+ 2", "1 == = 2", "1 != 2", "1 !== 2", "1=",
  "1+", "(1", "1 $ 2", "1 += 2", "", "1 2", "1)", "()", "( )", "(", ")", "1 (", "((1)", "1 ) 2", "$", "1+$",
  "1+0r37:1", "0r37:1+1", "~", "a", "1+a", "+", "-", "!", "1*", "*1", "1**", "**1", "=", "==", "1==",
  "1 -- 2", "1 - - 2", "1 ++ 2", "1 -= 2", "1 *= 2", "1 /= 2", "1 %= 2", "1 <<= 2", "1 >>= 2", "1 &= 2",
  "1 |= 2", "1 ^= 2", "1 <> 2", "1 >< 2", "1 ~ 2", "1 ! 2", "1 **= 2", "1 ***2", "1 && = 2", "1 &&= 2",
  "1 ||= 2", "1 <= = 2", "1 ? 2 : 3", "1 + --1", "(--1)", "-(--1)", "1 + -=2", "1 + (+=2)", "- $", "-$",
  "($)", "(1 $)", "(1 2)", "(1/0", "(1 += 2)", "~=", "1 ~= 2", "1 + ~", "1 - -", "(1 +", "1 << ", "<< 1",
  "1 <== 2", "1 >== 2", "1 === 1", "1 !=! 2", "1 ||| 2", "1 &&& 2", "1 & & 2", "1 | | 2", "1 ^^ 2",
  "!=", "&&", "||", "1 || ", "1 && ", "((((((((((1))))))))))", "((((((((((1)))))))))", "-(((-1)))",
  "1 + (2 * (3 - (4 / (5 % 3))))", "0x10 + 010 + 0b10 + 10", "0xFFFFFFFF + 1", "-0", "- 0", "!-0",
  "1 @ 2", "1 # 2", "1 ; 2", "1 \\ 2", "\"1\"", "'1'", "1 . 2", "1 : 2", "1 [ 2", "1 { 2",
  "2147483647 * 2147483647", "-2147483648 * 2", "12345 * 67891", "-12345 * 67891", "1 + 2 * 3 ** 2 - 4 / 2",
  "len", "1 = 2 )", "1 / (0)", "1 % (1 - 1)", "(1 / 0) || 1", "1 || (1 / 0) || 1", "0 || 1 || 1 / 0",
];
for (const e of EXPRS) add([e]);

// Every binary operator on a spread of operands.
const OPS = ["+", "-", "*", "/", "%", "**", "<<", ">>", "<", "<=", ">", ">=", "==", "!=", "&", "^", "|", "&&", "||"];
const OPERANDS = ["0", "1", "-1", "3", "-7", "31", "32", "2147483647", "-2147483648"];
// (GNU computes ** by repeated multiplication: a huge exponent costs it
// seconds, so cases with exponents up to a few hundred million are in EXPRS.)
for (const op of OPS) {
  for (const a of OPERANDS) {
    for (const b of OPERANDS) if (op !== "**" || b !== "2147483647") add([`${a} ${op} ${b}`]);
  }
}
// Precedence and associativity: every pair of operators.
for (const op1 of OPS) for (const op2 of OPS) add([`7 ${op1} 3 ${op2} 2`]);
// Unary chains.
for (const u of ["-", "+", "~", "!", "- -", "-~", "~-", "!-", "!!", "~~", "-!"]) {
  for (const n of ["0", "1", "5", "2147483647", "(-2147483648)"]) add([`${u}${n}`]);
}

// Random token strings (a fixed seed, so every run has the same cases): mostly
// well-formed, some not; tokens sometimes run together, making `--' and the
// like. At most one ** per expression, never before a parenthesis or a huge
// number, because GNU computes powers by repeated multiplication.
let seed = 0x9e3779b9;
/** A xorshift32 step: the next pseudo-random uint32. */
function rand(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}
const NUMS = ["0", "1", "2", "3", "7", "10", "31", "0x1f", "010", "0b11", "0r3:12", "2147483647", "-2147483648"];
const BINOPS = [...OPS, "="];
const JUNK = ["$", "(", ")", "**", "=", "a", "1.5", ",", "0r99:1"];
for (let n = 0; n < 700; n++) {
  const parts: string[] = [];
  let depth = 0;
  let powers = 0;
  const terms = 1 + rand(5);
  for (let t = 0; t < terms; t++) {
    if (t > 0) {
      let op = BINOPS[rand(BINOPS.length)]!;
      if (op === "**" && powers++ > 0) op = "*";
      parts.push(op);
    }
    const afterPower = parts[parts.length - 1] === "**";
    while (rand(4) === 0) parts.push(["-", "+", "~", "!"][rand(4)]!);
    if (!afterPower && rand(5) === 0) {
      parts.push("(");
      depth++;
    }
    parts.push(afterPower ? NUMS[rand(10)]! : NUMS[rand(NUMS.length)]!);
    if (depth > 0 && rand(3) === 0) {
      parts.push(")");
      depth--;
    }
  }
  while (depth-- > 0) if (rand(6) !== 0) parts.push(")");
  if (rand(8) === 0 && powers === 0) parts.splice(rand(parts.length + 1), 0, JUNK[rand(JUNK.length)]!);
  const glue = rand(3) === 0 ? "" : " ";
  const expr = parts.join(glue);
  if (!/\*\*.*\*\*/.test(expr)) add([expr]);
}

// Radix and width.
const VALUES = ["0", "1", "-1", "7", "-7", "35", "36", "255", "-255", "2147483647", "-2147483648"];
const RADIXES = ["2", "3", "8", "10", "16", "17", "35", "36"];
for (const v of VALUES) {
  for (const r of RADIXES) {
    add([v, r]);
    add([v, r, "12"]);
  }
}
for (const v of ["0", "1", "-1", "3", "-3", "17"]) {
  for (const w of [undefined, "", "0", "1", "2", "5", "20"]) add(w === undefined ? [v, "1"] : [v, "1", w]);
}
const ARG_EDGES = [
  ["1", "37"], ["1", "0"], ["1", "-1"], ["1", "x"], ["1", "10", "-1"], ["1", "10", "x"], ["1", " 10"],
  ["1", "", "5"], ["1", "10", ""], ["-5", "10", "5"], ["-5", "2", "8"], ["-5", "1", "8"], ["5", "1"],
  ["1", "4294967306"], ["1", "99999999999999999999"], ["255", "16", " 4"], ["1", "+10"], ["1", "-0"],
  ["1", "0x10"], ["1", "10 "], ["1", " "], ["1", "10", "+3"], ["1", "10", "4294967299"],
  ["1", "10", "99999999999999999999"], ["1", "10", "-99999999999999999999"], ["1", "-99999999999999999999"],
  ["1", "4294967298"], ["1", "1", "  3"], ["1", "1", "3x"], ["1x", "1", "3x"], ["1/0", "37"],
  ["1/0", "10", "-1"], ["", "37"], ["", "10", "-1"], ["", "1"], ["", "10", "5"], ["1", "36", ""], ["1", "", ""],
  ["1", "2", "33"], ["1", "\t10"], ["1", "10", "\n3"], ["", ""], ["", "", ""], ["1+", "16", "4"],
  ["12", "10", "-0"], ["12", "-", "1"], ["12", "10", "+"], ["0", "10", "0"], ["12", "10", "0"],
  ["-2147483648", "16"], ["-2147483648", "2"], ["-2147483648", "36", "10"], ["2147483647", "36"],
  ["-1", "16"], ["1 = 1", "16", "3"], ["1 = 1", "37"], ["0x7fffffff", "1", "-1"], ["7", "10", "00003"],
];
for (const a of ARG_EDGES) add(a);
// Called by another name: the name shows in some messages only.
for (const a of [["1/0"], ["1+"], ["1", "37"], ["1", "10", "-1"], ["1", "x"], [""], ["1 += 1"], ["1", " 2"]]) {
  add(a, "myeval");
}
// NUL ends a C string: everything after it is ignored.
add(["1\x002"]);
add(["1+\x002"]);
add(["1", "1\x000"]);
add(["1", "\x00x"]);

// ---------------------------------------------------------------------------

describeAgainstM4({
  name: "eval against GNU m4",
  file: "eval_unit_test",
  cases,
  prelude: PRELUDE,
  callText,
  ours: (c, diag) => evalBuiltin([c.name, ...c.args], diag),
  kindKey,
  checkKinds: (count) => expect(count).toBeGreaterThan(10),
});

// ---------------------------------------------------------------------------
// Properties that need no oracle.

/** evalBuiltin's output for one expression, failing on any diagnostic. */
function ev(...args: string[]): string {
  return evalBuiltin(["eval", ...args], strictDiag());
}

describe("eval properties", () => {
  const valid = EXPRS.filter((e) => {
    try {
      ev(e);
      return e.trim() !== "";
    } catch {
      return false;
    }
  });

  it("has valid expressions to check", () => {
    expect(valid.length).toBeGreaterThan(100);
  });

  it.each(valid)("eval(%s) == eval((%s))", (e) => {
    expect(ev(`(${e})`)).toBe(ev(e));
  });

  const ints = [0, 1, -1, 2, 3, 7, -7, 100, 65535, 65536, 123456789, -123456789, 2147483647, -2147483648];
  it.each(ints)("decimal %i evaluates to itself", (n) => {
    expect(ev(String(n))).toBe(String(n));
  });

  it("arithmetic wraps like int32", () => {
    for (const a of ints) {
      for (const b of ints) {
        expect(ev(`${a} + ${b}`)).toBe(String((a + b) | 0));
        expect(ev(`${a} - ${b}`)).toBe(String((a - b) | 0));
        expect(ev(`${a} * ${b}`)).toBe(String(Math.imul(a, b)));
        expect(ev(`${a} & ${b}`)).toBe(String(a & b));
        expect(ev(`${a} | ${b}`)).toBe(String(a | b));
        expect(ev(`${a} ^ ${b}`)).toBe(String(a ^ b));
        expect(ev(`${a} < ${b}`)).toBe(a < b ? "1" : "0");
        if (b !== 0 && b !== -1) {
          expect(ev(`${a} / ${b}`)).toBe(String(Math.trunc(a / b)));
          expect(ev(`${a} % ${b}`)).toBe(String(a % b));
        }
      }
    }
  });

  it("radix output reads back", () => {
    for (const n of ints) {
      for (let r = 2; r <= 36; r++) {
        const s = ev(String(n), String(r));
        expect(parseInt(s, r)).toBe(n);
        if (n >= 0) expect(ev(`0r${r}:${s}`)).toBe(String(n));
      }
    }
  });

  it("width pads with zeros after the sign", () => {
    expect(ev("-5", "10", "4")).toBe(`-${"5".padStart(4, "0")}`);
    expect(ev("5", "10", "4")).toBe("5".padStart(4, "0"));
  });
});
