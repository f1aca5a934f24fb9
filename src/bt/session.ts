/*
 * session - set up an Engine for a cf file the way sendmail does before
 * address test or verify mode: the host identity (overridable through
 * SMTS_HOSTNAME, SMTS_HOSTS_FILE and SMTS_INTERFACES for tests), the cf
 * diagnostics printed first, then the -bt dialogue on stdin/stdout.
 */

import { readFileSync, writeSync } from "node:fs";
import { userInfo } from "node:os";
import { defaultEnvironment, probeInterfaces } from "../cf/env.js";
import { loadCf, lookupOption } from "../cf/index.js";
import type { CfModel } from "../cf/model.js";
import type { CfEnvironment } from "../cf/reader.js";
import { DebugFlags } from "../ruleset/debug.js";
import { Engine } from "../ruleset/engine.js";
import { BT_BANNER, QuitSession, TestSession, inputLines } from "./testmode.js";

export interface SessionOptions {
  readonly cfPath: string;
  /** -v: echo every line ("> LINE") instead of prompting. */
  readonly verbose: boolean;
  /** -d arguments, in order. */
  readonly debug: readonly string[];
  /** -O name=value settings. */
  readonly options: ReadonlyMap<string, string>;
  /** Operation mode letter for $opMode (t, v). */
  readonly opMode: string;
}

/** Batched latin1 output to fd 1. */
export class Output {
  private chunks: string[] = [];
  private size = 0;

  write = (s: string): void => {
    this.chunks.push(s);
    this.size += s.length;
    if (this.size >= 65536) this.flush();
  };

  flush(): void {
    if (this.chunks.length === 0) return;
    const buf = Buffer.from(this.chunks.join(""), "latin1");
    this.chunks = [];
    this.size = 0;
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(1, buf, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        return;
      }
    }
  }
}

/** The host identity: the machine's, or SMTS_HOSTNAME / SMTS_HOSTS_FILE / SMTS_INTERFACES. */
export function sessionEnvironment(opMode: string): CfEnvironment {
  const hostsFile = process.env.SMTS_HOSTS_FILE ?? "/etc/hosts";
  const name = process.env.SMTS_HOSTNAME;
  const over: Partial<CfEnvironment> = { opMode };
  if (name !== undefined && name.length > 0) {
    (over as { hostname?: string }).hostname = name;
    (over as { nodename?: string }).nodename = name;
  }
  const ifs = process.env.SMTS_INTERFACES;
  if (ifs !== undefined) {
    const names = new Map<string, string[]>();
    for (const i of probeInterfaces(hostsFile)) names.set(i.literal, i.names);
    let hosts = "";
    try {
      hosts = readFileSync(hostsFile, "latin1");
    } catch {
      hosts = "";
    }
    const byAddr = new Map<string, string[]>();
    for (const raw of hosts.split("\n")) {
      const w = raw.replace(/#.*/, "").trim().split(/\s+/);
      if (w.length >= 2 && !byAddr.has(w[0]!)) byAddr.set(w[0]!, w.slice(1));
    }
    (over as { interfaces?: CfEnvironment["interfaces"] }).interfaces = ifs
      .split(",")
      .filter((a) => a.length > 0)
      .map((a) => ({ literal: `[${a}]`, names: byAddr.get(a) ?? [] }));
  }
  return defaultEnvironment(over, hostsFile);
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return "root";
  }
}

/**
 * -O name=value: command line options are set before the cf is read and the
 * cf cannot change them (sendmail marks them sticky). Names are matched as
 * sendmail matches them (any case, unambiguous abbreviations, with its
 * messages). Applied to the options the engine, -bt and -bv read from the
 * model: BlankSub, MaxAliasRecursion, AliasFile, HostsFile,
 * ServiceSwitchFile, ForwardPath. Returns the model and the messages sendmail prints
 * before reading the cf (an unknown or ambiguous name is a syserr: 70).
 */
export function withCommandLineOptions(
  model: CfModel,
  options: ReadonlyMap<string, string>,
): { model: CfModel; messages: string[]; status: number } {
  const messages: string[] = [];
  let status = 0;
  if (options.size === 0) return { model, messages, status };
  const values = new Map(model.optionValues);
  for (const [rawName, value] of options) {
    const r = lookupOption(rawName);
    if ("error" in r) {
      if (r.error === "unknown") messages.push(`readcf: unknown option name ${rawName}`);
      else messages.push(`readcf: ambiguous option name ${rawName} (matches ${r.first} and ${r.second})`);
      status = 70;
      continue;
    }
    const name = r.option.name;
    if (r.abbreviated) messages.push(`Option ${rawName} used as abbreviation for ${name}`);
    switch (name) {
      case "BlankSub":
        values.set(name, { kind: "char", value: value.length === 0 ? " " : value[0]! });
        break;
      case "MaxAliasRecursion":
        values.set(name, { kind: "integer", value: Number.parseInt(value, 10) || 0 });
        break;
      case "HostsFile":
      case "ServiceSwitchFile":
      case "ForwardPath":
        values.set(name, { kind: "string", value });
        break;
      default:
        break;
    }
  }
  return { model: { ...model, optionValues: values }, messages, status };
}

/** Load the cf and build the engine; prints the cf diagnostics. Returns null if sendmail would stop. */
export function openEngine(
  opts: SessionOptions,
  out: Output,
  testMode: boolean,
): { eng: Engine; status: number; optionErrors: boolean } | { eng: null; status: number } {
  const debug = new DebugFlags();
  for (const d of opts.debug) debug.set(d);
  const ssf = opts.options.get("ServiceSwitchFile") ?? process.env.SMTS_SERVICE_SWITCH;
  const model = loadCf(opts.cfPath, {
    env: sessionEnvironment(opts.opMode),
    ...(ssf !== undefined ? { serviceSwitchFile: ssf } : {}),
  });
  const cl = withCommandLineOptions(model, opts.options);
  for (const m of cl.messages) out.write(m + "\n");
  for (const e of model.errors) out.write(e.text + "\n");
  if (model.errors.some((e) => e.fatal)) return { eng: null, status: model.exitStatus };
  const hostsOpt = opts.options.get("HostsFile");
  const eng = new Engine(cl.model, {
    out: out.write,
    testMode,
    debug,
    ...(ssf !== undefined ? { serviceSwitchFile: ssf } : {}),
    ...(hostsOpt !== undefined ? { hostsFile: hostsOpt } : {}),
    ...(process.env.SMTS_PASSWD_FILE !== undefined ? { passwdFile: process.env.SMTS_PASSWD_FILE } : {}),
  });
  eng.exitStatus = cl.status !== 0 ? cl.status : model.exitStatus;
  if (opts.opMode === "t" || opts.opMode === "v") eng.setMacro("deliveryMode", "i");
  if (eng.macvalue(0x5f) === undefined) eng.setMacro("_", `${userName()}@localhost`);
  return { eng, status: model.exitStatus, optionErrors: cl.status !== 0 };
}

/** sendmail -bt: returns the exit status. */
export async function runAddressTest(opts: SessionOptions): Promise<number> {
  const out = new Output();
  const opened = openEngine(opts, out, true);
  if (opened.eng === null) {
    out.flush();
    return opened.status;
  }
  const eng = opened.eng;
  const session = new TestSession(eng);
  out.write(BT_BANNER);
  const handle = async (line: string): Promise<boolean> => {
    if (opts.verbose) out.write(`> ${line}\n`);
    try {
      const r = session.line(line);
      if (r instanceof Promise) await r;
    } catch (e) {
      if (e instanceof QuitSession) return false;
      throw e;
    }
    return true;
  };
  const quit = (): number => {
    out.flush();
    // finis(): EX_TEMPFAIL is not an error exit
    return eng.exitStatus === 75 ? 0 : eng.exitStatus;
  };
  if (process.stdin.isTTY) {
    const { createInterface } = await import("node:readline");
    const rl = createInterface({ input: process.stdin, terminal: false });
    if (!opts.verbose) out.write("> ");
    out.flush();
    for await (const line of rl) {
      if (!(await handle(line))) return quit();
      if (!opts.verbose) out.write("> ");
      out.flush();
    }
    return quit();
  }
  let text: string;
  try {
    text = readFileSync(0, "latin1");
  } catch {
    text = "";
  }
  for (const line of inputLines(text)) {
    if (!opts.verbose) out.write("> ");
    let go: boolean;
    if (opts.verbose) out.write(`> ${line}\n`);
    try {
      const r = session.line(line);
      if (r instanceof Promise) await r;
      go = true;
    } catch (e) {
      if (!(e instanceof QuitSession)) throw e;
      go = false;
    }
    if (!go) return quit();
  }
  if (!opts.verbose) out.write("> ");
  return quit();
}
