/* arith - the arith map: "$(arith OP $@ A $@ B $)" with + - * / % | & l = r. */

import { NOT_FOUND, type LookupResult, type MapClassInstance } from "./types.js";
import { strtol } from "../../cf/chars.js";

/** Build an arith map (it has no flags of its own). */
export function arithMap(): MapClassInstance {
  return {
    lookup(key: string, args: readonly string[]): LookupResult {
      const v: number[] = [];
      for (let i = 1; i < args.length && v.length < 2; i++) v.push(clampLong(strtol(args[i]!, 0, 0).value));
      if (key.length === 0 || v.length < 2) return { kind: "error", status: 78, reason: "arith: bad arguments" };
      const a = BigInt(v[0]!);
      const b = BigInt(v[1]!);
      let r: bigint;
      switch (key[0]) {
        case "|":
          r = a | b;
          break;
        case "&":
          r = a & b;
          break;
        case "%":
          if (b === 0n) return NOT_FOUND;
          r = a % b;
          break;
        case "+":
          r = a + b;
          break;
        case "-":
          r = a - b;
          break;
        case "*":
          r = a * b;
          break;
        case "/":
          if (b === 0n) return NOT_FOUND;
          r = a / b;
          break;
        case "l":
          return { kind: "found", value: a < b ? "TRUE" : "FALSE" };
        case "=":
          return { kind: "found", value: a === b ? "TRUE" : "FALSE" };
        case "r": {
          if (a >= b) return NOT_FOUND;
          const span = Number(b - a);
          r = a + BigInt(Math.floor(Math.random() * span));
          break;
        }
        default:
          return { kind: "error", status: 78, reason: `arith: unknown operator ${key[0]}` };
      }
      r = BigInt.asIntN(64, r);
      return { kind: "found", value: r.toString() };
    },
  };
}

function clampLong(n: number): number {
  if (n > 9223372036854775807) return 9223372036854775807;
  if (n < -9223372036854775808) return -9223372036854775808;
  return n;
}
