/*
 * mail.local - store mail in a mailbox, a stand-in for sendmail's mail.local.
 *
 *   mail.local [-7] [-b] [-d] [-l] [-f from|-r from] [-h filename] user ...
 *
 * The message is read from standard input and appended to each user's
 * mailbox (src/deliver/local). -f/-r name the envelope sender (default:
 * the invoking user), -b makes a full mailbox a permanent error, -h stores
 * in ~user/filename instead of the spool, -d and -7 are accepted (-7 only
 * matters in LMTP mode). -l (LMTP on stdin/stdout) is not implemented: it
 * is refused with a usage error.
 *
 * Like mail.local this adds no Return-Path (sendmail's P flag does) and
 * exits EX_OK, EX_TEMPFAIL (75) if any user's delivery failed temporarily,
 * else EX_UNAVAILABLE (69) if any failed for good (unknown users included),
 * usage errors included, as the real one does.
 *
 * Environment (our additions, for the non-root embedded setup and tests):
 *   SMTS_MAIL_SPOOL_DIR     mailbox directory (default /var/spool/mail)
 *   SMTS_PASSWD_FILE        passwd-format file standing in for getpwnam
 *   SMTS_MAIL_LOCAL_STYLE   "content-length" for Debian mail.local's format
 */

import { userInfo } from "node:os";
import { deliverLocal, type DeliveryStatus } from "../deliver/local/deliver.js";

const EX_OK = 0;
const EX_UNAVAILABLE = 69;
const EX_TEMPFAIL = 75;

const USAGE = "mail.local: usage: mail.local [-7] [-b] [-d] [-l] [-f from|-r from] [-h filename] user ...\n";

interface Args {
  from: string | null;
  bounceQuota: boolean;
  homeFile: string | null;
  users: string[];
}

function usage(msg?: string): never {
  if (msg !== undefined) process.stderr.write(`mail.local: ${msg}\n`);
  process.stderr.write(USAGE);
  process.exit(EX_UNAVAILABLE);
}

/** getopt("7bdlf:r:h:") */
function parseArgs(argv: string[]): Args {
  const a: Args = { from: null, bounceQuota: false, homeFile: null, users: [] };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") break;
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (c === "7" || c === "d") continue;
      if (c === "b") {
        a.bounceQuota = true;
        continue;
      }
      if (c === "l") usage("LMTP mode (-l) is not supported");
      if (c === "f" || c === "r" || c === "h") {
        let v = arg.slice(j + 1);
        if (v === "") {
          if (i + 1 >= argv.length) usage(`option requires an argument -- '${c}'`);
          v = argv[++i]!;
        }
        if (c === "h") a.homeFile = v;
        else {
          if (a.from !== null) usage("multiple -f options");
          a.from = v;
        }
        break;
      }
      usage(`invalid option -- '${c}'`);
    }
  }
  a.users = argv.slice(i);
  return a;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.users.length === 0) usage();
  let sender = args.from;
  if (sender === null) {
    try {
      sender = userInfo().username;
    } catch {
      sender = "nobody";
    }
  }
  const message = await readStdin();
  let exit = EX_OK;
  for (const user of args.users) {
    const st: DeliveryStatus = await deliverLocal({
      user,
      sender,
      message,
      returnPath: false,
      contentLength: process.env.SMTS_MAIL_LOCAL_STYLE === "content-length",
      bounceQuota: args.bounceQuota,
      ...(args.homeFile !== null ? { homeFile: args.homeFile } : {}),
      ...(process.env.SMTS_MAIL_SPOOL_DIR !== undefined ? { spoolDir: process.env.SMTS_MAIL_SPOOL_DIR } : {}),
      ...(process.env.SMTS_PASSWD_FILE !== undefined ? { passwd: process.env.SMTS_PASSWD_FILE } : {}),
    });
    if (st.dsn.startsWith("2.")) continue;
    process.stderr.write(`mail.local: ${st.text}\n`);
    if (st.dsn.startsWith("4.")) exit = EX_TEMPFAIL;
    else if (exit !== EX_TEMPFAIL) exit = EX_UNAVAILABLE;
  }
  process.exitCode = exit;
}

main().catch((e: unknown) => {
  process.stderr.write(`mail.local: ${(e as Error).message ?? String(e)}\n`);
  process.exitCode = EX_TEMPFAIL;
});
