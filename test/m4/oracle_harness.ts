/*
 * oracle_harness - run GNU m4 as an oracle and compare with it
 *
 * Shared by the m4 suites that check our code against the real /usr/bin/m4:
 * running m4 on some text, splitting one batch run into per-case results by
 * marker text, the strict and recording Diags, the suite that compares a
 * builtin's expansion and diagnostics case by case (and whether each kind of
 * diagnostic is a warning or an error), and, for the suites that spawn whole
 * m4 processes, the child environment and the m4-under-test command line.
 */

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diag } from "../../src/m4/diag.js";

export const M4 = "/usr/bin/m4";
export const HAVE_M4 = existsSync(M4);
// Quote characters that no case uses, so any argument text can be quoted.
export const LQ = "\x01";
export const RQ = "\x02";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Print why the GNU m4 comparison is skipped, when m4 is missing. */
export function skipNotice(file: string, what: string): void {
  if (!HAVE_M4) console.log(`${file}: ${M4} not found, skipping ${what}`);
}

/** The m4 source text of a call, every argument quoted with LQ/RQ. */
export function m4Call(name: string, args: string[]): string {
  return `${name}(${args.map((a) => LQ + a + RQ).join(",")})`;
}

/** Readable test name for a call text: `' quotes, \n and \0 spelt out. */
export function readable(call: string): string {
  return call.replaceAll(LQ, "`").replaceAll(RQ, "'").replaceAll("\n", "\\n").replaceAll("\0", "\\0");
}

/** Run GNU m4 on some text; stdout and stderr as binary strings, and the exit status (null if killed). */
export function runM4(
  input: string,
  opts: { args?: string[]; timeout?: number } = {},
): { out: string; err: string; status: number | null } {
  const r = spawnSync(M4, opts.args ?? [], {
    argv0: "m4",
    input: Buffer.from(input, "latin1"),
    env: { LC_ALL: "C", PATH: process.env.PATH ?? "/usr/bin:/bin" },
    maxBuffer: 256 * 1024 * 1024,
    ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}),
  });
  return { out: r.stdout.toString("latin1"), err: r.stderr.toString("latin1"), status: r.status };
}

/** Diagnostic texts from a stretch of m4's stderr. */
export function diagTexts(err: string): string[] {
  return err
    .split(/^m4:stdin:\d+: /m)
    .slice(1)
    .map((t) => t.replace(/\n$/, ""));
}

/** m4 text that prints case i's marker line on stderr (errprint spelt `errprint`, or e.g. `m4_errprint` under -P). */
export function errMarker(i: number, errprint = "errprint"): string {
  return `${errprint}(${LQ}@@${i}@@\n${RQ})`;
}

/** m4's stderr split at the errMarker lines: one stretch per case. */
export function splitErr(err: string): string[] {
  return err.split(/@@\d+@@\n/).slice(1);
}

/** Expansion and diagnostic texts of every call, from one m4 run. */
export function oracle(prelude: string, calls: string[]): { out: string; diags: string[] }[] {
  let input = prelude;
  calls.forEach((call, i) => {
    input += `${errMarker(i)}@@${i}@@${call}\n`;
  });
  const r = runM4(input);
  const outs = r.out.split(/@@\d+@@/).slice(1);
  const errs = splitErr(r.err);
  if (outs.length !== calls.length || errs.length !== calls.length) throw new Error("oracle output out of step");
  return calls.map((_, i) => ({ out: outs[i]!.replace(/\n$/, ""), diags: diagTexts(errs[i]!) }));
}

interface Diagnostic {
  kind: "warn" | "error";
  text: string;
}

/** A Diag that records what it is told. */
function recordingDiag(): { diag: Diag; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const diag: Diag = {
    warn: (text) => diags.push({ kind: "warn", text }),
    error: (text) => diags.push({ kind: "error", text }),
  };
  return { diag, diags };
}

/** A Diag that fails on any diagnostic. */
export function strictDiag(): Diag {
  return {
    warn: (t) => {
      throw new Error(`unexpected warning: ${t}`);
    },
    error: (t) => {
      throw new Error(`unexpected error: ${t}`);
    },
  };
}

/** A builtin compared case by case with GNU m4. */
export interface OracleSuite<C> {
  /** The describe block's name. */
  name: string;
  /** The test file's name, for the notice printed when m4 is missing. */
  file: string;
  cases: C[];
  /** m4 text run before the cases (quotes and the like). */
  prelude: string;
  /** The m4 source text of a case (its readable form is the test name). */
  callText: (c: C) => string;
  /** Our builtin on a case, reporting through diag. */
  ours: (c: C, diag: Diag) => string;
  /** Groups diagnostics that are the same kind of message. */
  kindKey: (text: string) => string;
  /** Asserts on how many kinds of diagnostic were checked. */
  checkKinds: (count: number) => void;
}

/**
 * The comparison suite, skipped (with a notice) without m4: every case's
 * expansion and diagnostic texts must match m4's (all cases in one m4 run),
 * and each kind of diagnostic must be a warning or an error as m4's exit
 * status says (one extra m4 run per kind).
 */
export function describeAgainstM4<C>(s: OracleSuite<C>): void {
  describe.skipIf(!HAVE_M4)(s.name, () => {
    const expected = HAVE_M4 ? oracle(s.prelude, s.cases.map(s.callText)) : [];

    // Warning or error, per kind of message: one m4 run for each kind.
    const kinds = new Map<string, "warn" | "error">();
    if (HAVE_M4) {
      s.cases.forEach((c, i) => {
        const d = expected[i]!.diags;
        if (d.length !== 1 || kinds.has(s.kindKey(d[0]!))) return;
        kinds.set(s.kindKey(d[0]!), runM4(s.prelude + s.callText(c) + "\n").status === 0 ? "warn" : "error");
      });
    }

    it.each(s.cases.map((c, i) => [readable(s.callText(c)), c, i] as const))("%s", (_t, c, i) => {
      const { diag, diags } = recordingDiag();
      const got = { out: s.ours(c, diag), diags };
      const want = expected[i]!;
      expect(got.out).toBe(want.out);
      expect(got.diags.map((d) => d.text)).toEqual(want.diags);
      for (const d of got.diags) {
        const k = kinds.get(s.kindKey(d.text));
        if (k !== undefined) expect(d.kind, d.text).toBe(k);
      }
    });

    it("checked every kind of diagnostic for warning versus error", () => {
      s.checkKinds(kinds.size);
    });
  });
  skipNotice(s.file, "the comparison with GNU m4");
}

/** The environment of a spawned m4: the C locale, no M4PATH, no POSIXLY_CORRECT. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C" };
  delete env.M4PATH;
  delete env.POSIXLY_CORRECT;
  return env;
}

/**
 * The command line of the m4 under test, with relative paths made absolute:
 * `node bin/m4` unless env M4_UNDER_TEST names another command.
 */
export function m4UnderTest(): string[] {
  const spec = process.env.M4_UNDER_TEST?.trim();
  const words = spec ? spec.split(/\s+/) : ["node", "bin/m4"];
  return words.map((w, i) => {
    if (i === 0 && w === "node") return process.execPath;
    return w.includes("/") && !isAbsolute(w) ? resolve(root, w) : w;
  });
}
