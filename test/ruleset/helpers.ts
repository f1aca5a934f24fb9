/* Helpers for the ruleset unit tests: an Engine over inline cf text, and "ruleset addr" runs. */

import { parseCf } from "../../src/cf/index.js";
import { Engine } from "../../src/ruleset/engine.js";
import { DebugFlags } from "../../src/ruleset/debug.js";
import { TestSession } from "../../src/bt/testmode.js";

export const ENV = {
  hostname: "mx.oracle.test",
  nodename: "mx.oracle.test",
  hostAliases: ["mx"],
  interfaces: [],
  opMode: "t",
};

/** An engine over cf text; returns the engine and the collected output. */
export function engineFor(cf: string, debug?: string): { eng: Engine; output: () => string } {
  const { model } = parseCf("V10/Berkeley\nO OperatorChars=.:%@!^/[]+\n" + cf, "test.cf", { env: ENV });
  let buf = "";
  const flags = new DebugFlags();
  if (debug !== undefined) flags.set(debug);
  const eng = new Engine(model, { out: (s) => (buf += s), testMode: true, debug: flags, hostsFile: "/nonexistent", serviceSwitchFile: "/nonexistent" });
  return {
    eng,
    output: () => {
      const o = buf;
      buf = "";
      return o;
    },
  };
}

/** Run -bt lines; returns everything printed. */
export async function bt(cf: string, lines: readonly string[], debug?: string): Promise<string> {
  const { eng, output } = engineFor(cf, debug);
  const s = new TestSession(eng);
  for (const l of lines) {
    const r = s.line(l);
    if (r instanceof Promise) await r;
  }
  return output();
}

/** The "returns:" line of the last ruleset a single line ran. */
export async function result(cf: string, line: string, setup: readonly string[] = []): Promise<string> {
  const out = await bt(cf, [...setup, line]);
  const lines = out.split("\n").filter((l) => / returns:/.test(l));
  const last = lines[lines.length - 1] ?? "";
  return last.replace(/^.{16} returns: ?/, "");
}
