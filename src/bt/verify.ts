/*
 * verify - sendmail -bv: resolve each address through rulesets 3 and 0,
 * rewrite the user part as buildaddr() does (2, the mailer's R=, 4), check
 * local users against the passwd file, and report every address the way
 * sendmail does (last address first: sendmail prepends to its send queue).
 */

import { readFileSync } from "node:fs";
import { scanAddress } from "../ruleset/address.js";
import type { Engine } from "../ruleset/engine.js";
import { Output, openEngine, type SessionOptions } from "./session.js";

const EX_NOUSER = 67;

function join(eng: Engine, pvp: readonly string[]): string {
  let out = "";
  let prev = false;
  for (const t of pvp) {
    const atom = eng.tables.int[t.charCodeAt(0) & 0xff] === 1;
    if (prev && atom) out += eng.spaceSub;
    out += t;
    prev = atom;
  }
  return out;
}

function localUsers(): Set<string> {
  const s = new Set<string>();
  try {
    for (const line of readFileSync(process.env.SMTS_PASSWD_FILE ?? "/etc/passwd", "latin1").split("\n")) {
      const name = line.split(":")[0];
      if (name !== undefined && name.length > 0) s.add(name);
    }
  } catch {
    /* no passwd file: nobody is local */
  }
  return s;
}

async function rw(eng: Engine, pvp: string[], rs: number): Promise<number> {
  const r = eng.rewrite(pvp, rs);
  return r instanceof Promise ? r : r;
}

/** Resolve one address to the line -bv prints and the status it gives. */
async function verifyOne(eng: Engine, addr: string, users: () => Set<string>): Promise<{ lines: string[]; status: number }> {
  const lines: string[] = [];
  const sc = scanAddress(addr, 0, eng.tables.ext, (t) => lines.push(t + "\n"), eng.eightBitAddrOk);
  if (sc.tokens === null) return { lines, status: 65 };
  const pvp = sc.tokens;
  await rw(eng, pvp, 3);
  await rw(eng, pvp, 0);
  if (pvp.length < 2 || pvp[0]!.charCodeAt(0) !== 0x96) {
    lines.push(`${addr}... Unable to resolve\n`);
    return { lines, status: 65 };
  }
  const mailerName = pvp[1]!;
  let k = 2;
  let host: string[] = [];
  if (pvp[k]?.charCodeAt(0) === 0x97) {
    const from = ++k;
    while (k < pvp.length && pvp[k]!.charCodeAt(0) !== 0x98) k++;
    host = pvp.slice(from, k);
  }
  const user = pvp[k]?.charCodeAt(0) === 0x98 ? pvp.slice(k + 1) : [];
  if (mailerName.toLowerCase() === "error") {
    lines.push(`${addr}... ${join(eng, user).replace(/"/g, "")}\n`);
    return { lines, status: EX_NOUSER };
  }
  if (mailerName.toLowerCase() === "discard") return { lines, status: 0 };
  const mailer = eng.model.mailers.find((m) => m.name.toLowerCase() === mailerName.toLowerCase());
  if (mailer === undefined) {
    lines.push(`${addr}... unknown mailer ${mailerName}\n`);
    return { lines, status: 65 };
  }
  const hostText = join(eng, host);
  eng.setMacro("h", hostText.length > 0 ? hostText : null);
  await rw(eng, user, 2);
  if (mailer.recipientRuleset.envelope > 0) await rw(eng, user, mailer.recipientRuleset.envelope);
  await rw(eng, user, 4);
  const userText = join(eng, user);
  const hostShown = mailer.flags.includes("H") ? hostText : hostText.toLowerCase();
  if (mailer.name === "local" && !users().has(userText.replace(/\+.*$/, ""))) {
    lines.push(`${addr}... User unknown\n`);
    return { lines, status: EX_NOUSER };
  }
  if (hostText.length > 0) lines.push(`${addr}... deliverable: mailer ${mailer.name}, host ${hostShown}, user ${userText}\n`);
  else lines.push(`${addr}... deliverable: mailer ${mailer.name}, user ${userText}\n`);
  return { lines, status: 0 };
}

/** sendmail -bv addr...: returns the exit status. */
export async function runVerify(opts: SessionOptions, addrs: readonly string[]): Promise<number> {
  const out = new Output();
  const opened = openEngine(opts, out, false);
  if (opened.eng === null) {
    out.flush();
    return opened.status;
  }
  const eng = opened.eng;
  let cache: Set<string> | null = null;
  const users = (): Set<string> => (cache ??= localUsers());
  let status = 0;
  const results: string[][] = [];
  for (const a of addrs) {
    const r = await verifyOne(eng, a, users);
    // prescan errors are printed at once; the verdicts come out in send-queue order
    const errs = r.lines.filter((l) => !l.startsWith(`${a}... deliverable`) && !l.startsWith(`${a}... User unknown`));
    for (const l of errs) out.write(l);
    results.push(r.lines.filter((l) => !errs.includes(l)));
    if (r.status !== 0) status = r.status;
  }
  for (let i = results.length - 1; i >= 0; i--) for (const l of results[i]!) out.write(l);
  if (addrs.length === 0) out.write("Recipient names must be specified\n");
  out.flush();
  return status === 0 ? (eng.exitStatus === 0 ? 0 : eng.exitStatus) : status;
}
