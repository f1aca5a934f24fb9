/*
 * Helpers for comparing the cf loader with real sendmail (see
 * test/oracle/sendmail_oracle.ts): the environment sendmail sees in the
 * oracle sandbox, and batched -bt queries.
 */

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CfEnvironment, CfModel } from "../../src/cf/index.js";
import { BT_BANNER, runBt, splitBtAnswers } from "../oracle/sendmail_oracle.js";
import { systemDatabases } from "../../src/cf/index.js";

/** What sendmail knows before reading the cf inside the oracle sandbox (see its -d0.4 output). */
export const SANDBOX_ENV: CfEnvironment = {
  hostname: "mx.oracle.test",
  nodename: "mx.oracle.test",
  hostAliases: ["mx", "[127.0.1.1]"],
  interfaces: [{ literal: "[127.0.0.1]", names: ["localhost"] }],
  opMode: "t",
};

const SANDBOX = join(dirname(fileURLToPath(import.meta.url)), "..", "oracle", "sandbox");
let mergedPasswd: string | null = null;

/** System databases as the sandbox has them (its hosts file, /etc/passwd plus the test users). */
export function sandboxDatabases() {
  if (mergedPasswd === null) {
    const dir = mkdtempSync(join(tmpdir(), "cf-passwd-"));
    mergedPasswd = join(dir, "passwd");
    let base = readFileSync("/etc/passwd", "latin1");
    if (!base.endsWith("\n")) base += "\n";
    const extra = readFileSync(join(SANDBOX, "passwd.extra"), "latin1")
      .split("\n")
      .filter((l) => l.length > 0 && !l.startsWith("#"))
      .join("\n");
    writeFileSync(mergedPasswd, base + extra + "\n");
  }
  return systemDatabases({ hosts: join(SANDBOX, "hosts"), passwd: mergedPasswd });
}

/** Run many -bt lines; returns the text before the banner (cf diagnostics) and one answer per line. */
export async function btQuery(cfPath: string, lines: readonly string[]): Promise<{ preamble: string; answers: string[] }> {
  const r = await runBt(cfPath, lines);
  const parts = splitBtAnswers(r.stdout, lines);
  const first = parts[0] ?? "";
  const i = first.indexOf(BT_BANNER);
  return { preamble: i < 0 ? first : first.slice(0, i), answers: parts.slice(1) };
}

/** The diagnostics of a model as sendmail -bt prints them before its banner. */
export function printedDiagnostics(model: CfModel): string {
  return model.errors.map((e) => e.text + "\n").join("");
}

/**
 * Ruleset numbers as real sendmail assigned them: append "Sname=N" lines
 * (N differing from the expected number) and read the "ruleset changed
 * value (old X, ...)" errors.
 */
export async function realRulesetNumbers(cfPath: string, names: readonly string[], scratch: string): Promise<Map<string, number>> {
  const text = readFileSync(cfPath, "latin1");
  const probe = names.map((n) => `S${n}=0\nS${n}=1\n`).join("");
  const file = join(scratch, "rsprobe.cf");
  writeFileSync(file, text + (text.endsWith("\n") ? "" : "\n") + probe, "latin1");
  const r = await runBt(file, []);
  const out = new Map<string, number>();
  for (const line of r.stdout.split("\n")) {
    const m = /: line \d+: ([A-Za-z0-9_]+)=\d+: ruleset changed value \(old (\d+), new \d+\)$/.exec(line);
    if (m !== null && !out.has(m[1]!)) out.set(m[1]!, Number(m[2]));
  }
  return out;
}
