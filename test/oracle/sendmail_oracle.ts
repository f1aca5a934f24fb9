/*
 * sendmail_oracle - run the real sendmail 8.17 and GNU m4 as test oracles.
 *
 * Real sendmail looks up its own host name before anything else and sleeps
 * 60 seconds when the name is not qualified. Every sendmail run therefore
 * happens in a sandbox: `unshare --uts --mount --net` (root needed) gives
 * the process tree its own host name (mx.oracle.test), bind mounts of the
 * hosts / nsswitch.conf / resolv.conf / service.switch files in
 * ./sandbox (hosts from files only, no DNS), /etc/passwd plus the test
 * users of sandbox/passwd.extra, and a network namespace with only the
 * loopback interface. Nothing on the machine is changed.
 *
 * All output is returned decoded as latin1 (one char per octet), the same
 * convention as the cf loader, so byte-exact comparisons work.
 */

import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ORACLE_DIR = dirname(fileURLToPath(import.meta.url));
export const SANDBOX_FILES = join(ORACLE_DIR, "sandbox");
export const SANDBOX_INNER = join(ORACLE_DIR, "sandbox-inner.sh");
export const ORACLE_HOSTNAME = "mx.oracle.test";

export const SENDMAIL_BIN = "/usr/libexec/sendmail/sendmail";
export const MAKEMAP_BIN = "/usr/libexec/sendmail/makemap";
export const M4_BIN = "/usr/bin/m4";
export const SENDMAIL_CF_DIR = "/usr/share/sendmail/cf";
export const UNSHARE_CANDIDATES = ["/usr/bin/unshare", "/bin/unshare"];

/** Safety net: no oracle process may run longer than this. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** The two banner lines sendmail -bt prints before the first prompt. */
export const BT_BANNER = "ADDRESS TEST MODE (ruleset 3 NOT automatically invoked)\nEnter <ruleset> <address>\n";

export interface OracleResult {
  /** stdout, latin1-decoded. */
  readonly stdout: string;
  /** stderr, latin1-decoded. */
  readonly stderr: string;
  /** Exit status (124 if killed by the timeout, 128+n for signal n). */
  readonly status: number;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findUnshare(): string | null {
  for (const p of UNSHARE_CANDIDATES) if (isExecutable(p)) return p;
  return null;
}

/** Whether the oracles can run here, and why not. */
export function oracleAvailable(): { ok: boolean; reason: string } {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    return { ok: false, reason: "the oracle sandbox needs root (unshare --uts --mount --net)" };
  }
  if (findUnshare() === null) return { ok: false, reason: "unshare(1) not found (util-linux)" };
  if (!isExecutable(SENDMAIL_BIN)) return { ok: false, reason: `${SENDMAIL_BIN} not found (apt-get install sendmail-bin)` };
  if (!isExecutable(M4_BIN)) return { ok: false, reason: `${M4_BIN} not found (apt-get install m4)` };
  if (!existsSync(join(SENDMAIL_CF_DIR, "m4", "cf.m4"))) {
    return { ok: false, reason: `${SENDMAIL_CF_DIR} not found (apt-get install sendmail-cf)` };
  }
  if (!existsSync(SANDBOX_INNER)) return { ok: false, reason: `${SANDBOX_INNER} missing` };
  return { ok: true, reason: "real sendmail 8.17, GNU m4 and unshare available" };
}

interface RunOptions {
  /** Data for stdin (default: nothing, stdin closed). */
  readonly input?: string | Buffer;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

function run(argv: readonly string[], opts: RunOptions = {}): Promise<OracleResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin", LC_ALL: "C", TZ: "UTC", ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        stdout: Buffer.concat(out).toString("latin1"),
        stderr: Buffer.concat(err).toString("latin1"),
        status: timedOut ? 124 : code ?? (signal !== null ? 128 + signalNumber(signal) : 1),
      });
    });
    child.stdin.on("error", () => {
      /* the command may exit without reading its input */
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

function signalNumber(sig: NodeJS.Signals): number {
  const table: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGABRT: 6, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 };
  return table[sig] ?? 0;
}

/**
 * Run any command in the oracle sandbox. argv[0] should be an absolute path.
 */
export async function runInSandbox(argv: readonly string[], opts: RunOptions = {}): Promise<OracleResult> {
  const avail = oracleAvailable();
  if (!avail.ok) throw new Error(`oracle not available: ${avail.reason}`);
  const unshare = findUnshare()!;
  const work = mkdtempSync(join(tmpdir(), "sm-oracle-"));
  try {
    const passwd = join(work, "passwd");
    const extra = readFileSync(join(SANDBOX_FILES, "passwd.extra"), "latin1")
      .split("\n")
      .filter((l) => l.length > 0 && !l.startsWith("#"))
      .map((l) => l + "\n")
      .join("");
    let base = readFileSync("/etc/passwd", "latin1");
    if (base.length > 0 && !base.endsWith("\n")) base += "\n";
    writeFileSync(passwd, base + extra, { mode: 0o644 });
    return await run(
      [unshare, "--uts", "--mount", "--net", "--propagation", "private", "--", "/bin/sh", SANDBOX_INNER, ...argv],
      {
        ...opts,
        env: {
          SM_ORACLE_FILES: SANDBOX_FILES,
          SM_ORACLE_HOSTNAME: ORACLE_HOSTNAME,
          SM_ORACLE_PASSWD: passwd,
          ...opts.env,
        },
      },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface BtOptions {
  /** Extra sendmail arguments (e.g. "-d21.12", "-OServiceSwitchFile=/x"). */
  readonly extraArgs?: readonly string[];
  /**
   * Echo mode (default true): run with -v, so every input line is echoed as
   * "> LINE" followed by what sendmail printed for it. false: plain prompt
   * mode ("> " before each line, no echo).
   */
  readonly echo?: boolean;
  readonly timeoutMs?: number;
}

/**
 * Real `sendmail -bt [-v] -C cfPath` in the sandbox with the given input
 * lines. stdout is returned as sendmail printed it, banner lines included
 * (see stripBtBanner()).
 */
export function runBt(cfPath: string, inputLines: readonly string[], opts: BtOptions = {}): Promise<OracleResult> {
  const args = [SENDMAIL_BIN, "-bt"];
  if (opts.echo !== false) args.push("-v");
  args.push(...(opts.extraArgs ?? []), "-C", resolve(cfPath));
  const input = inputLines.map((l) => l + "\n").join("");
  return runInSandbox(args, { input, timeoutMs: opts.timeoutMs });
}

/** Remove the two banner lines of -bt output (anything printed before them, e.g. cf errors, stays). */
export function stripBtBanner(stdout: string): string {
  const i = stdout.indexOf(BT_BANNER);
  return i < 0 ? stdout : stdout.slice(0, i) + stdout.slice(i + BT_BANNER.length);
}

/**
 * Split echo-mode -bt output into the output for each input line:
 * returns [text before the first echo (cf diagnostics, banner), ...answers].
 */
export function splitBtAnswers(stdout: string, inputLines: readonly string[]): string[] {
  const parts: string[] = [];
  let rest = stdout;
  for (const line of inputLines) {
    const marker = `> ${line}\n`;
    const i = rest.indexOf(marker);
    if (i < 0) break;
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + marker.length);
  }
  parts.push(rest);
  return parts;
}

export interface CompileMcOptions {
  /** Define _NO_MAKEINFO_: drop the "##### built by USER@HOST on DATE" lines. */
  readonly noMakeInfo?: boolean;
  /** Extra m4 -D definitions. */
  readonly defines?: Readonly<Record<string, string>>;
  /** Append "### MC ###" and the .mc text prefixed with "# " (as Debian's Makefile does). */
  readonly appendMc?: boolean;
  readonly timeoutMs?: number;
}

/**
 * Compile a .mc file with GNU m4 against /usr/share/sendmail/cf, the way
 * Debian does (an .mc including cf.m4 itself is run as "m4 MC", otherwise
 * as "m4 cf.m4 MC"), writing outCf. Returns m4's status and stderr.
 */
export async function compileMc(mcPath: string, outCf: string, opts: CompileMcOptions = {}): Promise<OracleResult> {
  const mc = resolve(mcPath);
  const args: string[] = [M4_BIN];
  for (const [k, v] of Object.entries(opts.defines ?? {})) args.push(v === "" ? `-D${k}` : `-D${k}=${v}`);
  if (opts.noMakeInfo === true) args.push("-D_NO_MAKEINFO_");
  const text = readFileSync(mc, "latin1");
  if (/include\(`[^']*cf\.m4'\)/.test(text)) args.push(mc);
  else args.push(join(SENDMAIL_CF_DIR, "m4", "cf.m4"), mc);
  const r = await run(args, { cwd: dirname(mc), timeoutMs: opts.timeoutMs });
  let out = r.stdout;
  if (opts.appendMc === true) {
    out += `### ${mcPath} ###\n` + text.split("\n").slice(0, text.endsWith("\n") ? -1 : undefined).map((l) => `# ${l}\n`).join("");
  }
  writeFileSync(outCf, out, "latin1");
  return { stdout: "", stderr: r.stderr, status: r.status };
}

/**
 * Build a database with the real makemap (in the sandbox): `makemap TYPE
 * dbPath < text`. TYPE is hash, btree, ... dbPath without the ".db".
 */
export function makemapReal(type: string, dbPath: string, text: string, extraArgs: readonly string[] = []): Promise<OracleResult> {
  return runInSandbox([MAKEMAP_BIN, ...extraArgs, type, resolve(dbPath)], { input: text });
}
