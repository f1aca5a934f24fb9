/*
 * mailq_main - the mailq command (also what `sendmail -bp` / `-bP` run):
 *
 *   mailq [-v] [-Ac | -Am] [-C cf] [-qRstr] [-qSstr] [-qIstr] [-qQ] [-qL] [-bp] [-bP]
 *
 * -Ac reads submit.cf (the client queue), -C names another configuration.
 * -bP prints the number of entries of each queue directory in sendmail's
 * format ("DIR: entries=N") counted from the directories themselves.
 * Returns the exit status.
 */

import { fs } from "../util/node.js";
import { queueSettingsFromCf, quickQueueSettings, type QueueSettings } from "./config.js";
import { listQueues, parseQueueFilter, type QueueFilter } from "./mailq.js";

export const DEFAULT_CF = "/etc/mail/sendmail.cf";
export const SUBMIT_CF = "/etc/mail/submit.cf";

export interface MailqIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

export async function mailqMain(argv: readonly string[], io: MailqIo): Promise<number> {
  let verbose = false;
  let cf: string | null = null;
  let client = false;
  let mode: "normal" | "quarantine" | "lost" = "normal";
  let counts = false;
  const filters: QueueFilter[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") break;
    if (a === "-v") verbose = true;
    else if (a === "-Ac") client = true;
    else if (a === "-Am") client = false;
    else if (a === "-bp") counts = false;
    else if (a === "-bP") counts = true;
    else if (a.startsWith("-C")) {
      const v = a.length > 2 ? a.slice(2) : argv[++i];
      if (v === undefined) {
        io.stderr("mailq: option requires an argument -- 'C'\n");
        return 64;
      }
      cf = v;
    } else if (a === "-qQ") mode = "quarantine";
    else if (a === "-qL") mode = "lost";
    else if (a.startsWith("-q")) {
      const f = parseQueueFilter(a.slice(2));
      if (f === null) {
        io.stderr(`mailq: unknown queue option ${a}\n`);
        return 64;
      }
      filters.push(f);
    } else if (a.startsWith("-O") || a.startsWith("-o") || a === "-d" || a.startsWith("-d")) {
      /* accepted and ignored */
    } else {
      io.stderr(`mailq: unknown option ${a}\n`);
      return 64;
    }
  }
  const cfPath = cf ?? (client ? SUBMIT_CF : DEFAULT_CF);
  // fast path: read only the queue options; the full cf loader otherwise
  let settings: QueueSettings | null = null;
  try {
    settings = quickQueueSettings(fs.readFileSync(cfPath, "latin1"));
  } catch {
    settings = null;
  }
  if (settings === null) {
    const { loadCf } = await import("../cf/index.js");
    const model = loadCf(cfPath);
    const fatal = model.errors.find((e) => e.fatal);
    if (fatal !== undefined) {
      io.stderr(fatal.text + "\n");
      return model.exitStatus;
    }
    settings = queueSettingsFromCf(model);
  }
  if (counts) {
    let out = "";
    let total = 0;
    for (const g of settings.groups) {
      for (const dir of g.dirs) {
        let n = 0;
        try {
          for (const name of fs.readdirSync(dir)) if (name.startsWith("qf")) n++;
        } catch {
          /* unreadable: 0 */
        }
        out += `${dir}: entries=${n}\n`;
        total += n;
      }
    }
    io.stdout(out + `\t\tTotal requests: ${total}\n`);
    return 0;
  }
  io.stdout(listQueues(settings, { verbose, filters, mode }));
  return 0;
}
