/* Shared helpers for the cf loader unit tests (no oracle needed). */

import { macroNamer, parseCf, xputs, type CfEnvironment, type CfModel, type LoadOptions, type SystemDatabases } from "../../src/cf/index.js";

/** A fixed host identity, so results do not depend on the machine. */
export const TEST_ENV: CfEnvironment = {
  hostname: "mx.example.test",
  nodename: "mx",
  hostAliases: ["mx", "[192.0.2.1]"],
  interfaces: [],
  opMode: "t",
  date: "Thu, 1 Jan 2026 00:00:00 +0000",
};

/** Fixed passwd/group/services/hosts data. */
export const TEST_DB: SystemDatabases = {
  user: (name) =>
    ({ root: { name: "root", uid: 0, gid: 0 }, mail: { name: "mail", uid: 8, gid: 8 }, user1: { name: "user1", uid: 2001, gid: 2001 } })[
      name
    ] ?? null,
  group: (name) => ({ root: { name: "root", gid: 0 }, mail: { name: "mail", gid: 8 }, staff: { name: "staff", gid: 50 } })[name] ?? null,
  service: (name) => ({ smtp: 25, submission: 587, smtps: 465 })[name] ?? null,
  host: (name) => (name === "known.example" ? true : name === "unknown.invalid" ? false : null),
};

export const LOCAL_MAILER = "Mlocal, P=/bin/true, F=lsDFM, A=true $u\n";

/** Parse cf text with the test environment; returns the model. */
export function cf(text: string, opts: Partial<LoadOptions> = {}): CfModel {
  return parseCf(text, "test.cf", { env: TEST_ENV, systemDatabases: TEST_DB, ...opts }).model;
}

/** Error texts of a model (what sendmail prints). */
export function errs(model: CfModel): string[] {
  return model.errors.map((e) => e.text);
}

/** The rules of a ruleset rendered as sendmail's =S prints each token. */
export function ruleTokens(model: CfModel, ruleset: number | string): { lhs: string[]; rhs: string[] }[] {
  const n = typeof ruleset === "number" ? ruleset : model.rulesetNumbers.get(ruleset)!;
  const namer = macroNamer(model);
  return (model.rulesets.get(n)?.rules ?? []).map((r) => ({
    lhs: r.lhs.map((t) => xputs(t, namer)),
    rhs: r.rhs.map((t) => xputs(t, namer)),
  }));
}

/** Build a byte string from char codes. */
export function bytes(...codes: number[]): string {
  return String.fromCharCode(...codes);
}
