/*
 * sendmail - command line of the sendmail program (the modes this build
 * implements: -bt address test mode and -bv verify). Parses argv the way
 * sendmail's getopt loop does and hands over to src/bt/.
 */

import { readFileSync } from "node:fs";

/**
 * The arguments as octets (latin1, one char per octet, like the cf loader):
 * process.argv decodes them as UTF-8, which loses 8-bit octets that are
 * not UTF-8, so they are read back from /proc/self/cmdline when any
 * argument is not plain ASCII.
 */
function rawArgv(): string[] {
  const decoded = process.argv.slice(2);
  if (decoded.every((a) => /^[\x00-\x7f]*$/.test(a))) return decoded;
  try {
    const parts = readFileSync("/proc/self/cmdline", "latin1").split("\0");
    if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
    if (parts.length >= decoded.length) return parts.slice(parts.length - decoded.length);
  } catch {
    /* no /proc: keep the decoded arguments */
  }
  return decoded;
}

const argv = rawArgv();
let mode = "m";
let cfPath = "/etc/mail/sendmail.cf";
let verbose = false;
const debug: string[] = [];
const options = new Map<string, string>();
const addrs: string[] = [];

/** Options taking an argument (sendmail's getopt string). */
const WITH_ARG = new Set("BbCdFfhLMNOopQqRrVX".split(""));

let i = 0;
for (; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === "--") {
    i++;
    break;
  }
  if (a.length < 2 || a[0] !== "-") break;
  let j = 1;
  while (j < a.length) {
    const c = a[j]!;
    if (WITH_ARG.has(c)) {
      let v = a.slice(j + 1);
      if (v.length === 0 && c !== "d") v = argv[++i] ?? "";
      if (c === "b") mode = v[0] ?? "m";
      else if (c === "C") cfPath = v;
      else if (c === "d") debug.push(v);
      else if (c === "O") {
        const eq = v.indexOf("=");
        options.set(eq < 0 ? v.trim() : v.slice(0, eq).trim(), eq < 0 ? "" : v.slice(eq + 1));
      }
      break;
    }
    if (c === "v") verbose = true;
    j++;
  }
}
for (; i < argv.length; i++) addrs.push(argv[i]!);

async function main(): Promise<number> {
  if (mode === "t") {
    const { runAddressTest } = await import("../bt/session.js");
    return runAddressTest({ cfPath, verbose, debug, options, opMode: "t" });
  }
  if (mode === "v") {
    const { runVerify } = await import("../bt/verify.js");
    return runVerify({ cfPath, verbose, debug, options, opMode: "v" }, addrs);
  }
  process.stderr.write(`sendmail: mode -b${mode} is not implemented by this build (use -bt or -bv)\n`);
  return 64;
}

main().then(
  (status) => process.exit(status),
  (e: unknown) => {
    process.stderr.write(`sendmail: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(70);
  },
);
