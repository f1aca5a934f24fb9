/*
 * config - queue settings taken from a loaded sendmail.cf.
 */

import type { CfModel, CfOptionValue } from "../cf/model.js";
import { fs, path as pathMod } from "../util/node.js";

export interface QueueGroupDirs {
  readonly name: string;
  /** Queue directories of the group, as sendmail prints them. */
  readonly dirs: readonly string[];
}

export interface QueueSettings {
  readonly queueDirectory: string;
  readonly groups: readonly QueueGroupDirs[];
  readonly fileMode: number;
  readonly superSafe: boolean;
  readonly queueLA: number;
  readonly queueFactor: number;
  /** MinQueueAge in seconds. */
  readonly minQueueAge: number;
  readonly sortOrder: string;
  /** MaxQueueRunSize (0: unlimited). */
  readonly maxQueueRunSize: number;
}

function num(v: CfOptionValue | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (v.kind === "integer" || v.kind === "octal" || v.kind === "size") return v.value;
  if (v.kind === "duration") return v.seconds;
  return dflt;
}

function str(v: CfOptionValue | undefined): string | null {
  if (v === undefined) return null;
  if (v.kind === "string") return v.value;
  if (v.kind === "enum" || v.kind === "char") return v.value;
  return null;
}

/** Expand a directory spec ending in "*" into the matching directories (sorted). */
export function expandQueuePath(spec: string): string[] {
  if (!spec.endsWith("*")) return [spec];
  const prefixPath = spec.slice(0, -1);
  const parent = pathMod.dirname(prefixPath + "x");
  const prefix = pathMod.basename(prefixPath + "x").slice(0, -1);
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix))
    .map((n) => pathMod.join(parent, n))
    .filter((p) => {
      try {
        return fs.statSync(p).isDirectory();
      } catch {
        return false;
      }
    });
}

export const DEFAULT_QUEUE_DIRECTORY = "/var/spool/mqueue";

export function queueSettingsFromCf(model: CfModel): QueueSettings {
  const o = model.optionValues;
  const queueDirectory = str(o.get("QueueDirectory")) ?? DEFAULT_QUEUE_DIRECTORY;
  const groups: QueueGroupDirs[] = [];
  const sorted = [...model.queueGroups].sort((a, b) => a.index - b.index);
  if (sorted.length === 0) groups.push({ name: "mqueue", dirs: expandQueuePath(queueDirectory) });
  for (const g of sorted) {
    let p = g.path ?? queueDirectory;
    if (!p.startsWith("/")) p = pathMod.join(queueDirectory, p);
    groups.push({ name: g.name, dirs: expandQueuePath(p) });
  }
  const superSafe = str(o.get("SuperSafe"));
  return {
    queueDirectory,
    groups,
    fileMode: num(o.get("QueueFileMode"), 0o600),
    superSafe: superSafe === null ? true : !/^(f|false|n|no)$/i.test(superSafe),
    queueLA: num(o.get("QueueLA"), 8),
    queueFactor: num(o.get("QueueFactor"), 600000),
    minQueueAge: num(o.get("MinQueueAge"), 0),
    sortOrder: (str(o.get("QueueSortOrder")) ?? "priority").toLowerCase(),
    maxQueueRunSize: num(o.get("MaxQueueRunSize"), 0),
  };
}

const QUICK_OPTIONS: Record<string, string> = {
  queuedirectory: "QueueDirectory",
  queuesortorder: "QueueSortOrder",
  queuela: "QueueLA",
  queuefactor: "QueueFactor",
  maxqueuerunsize: "MaxQueueRunSize",
  queuefilemode: "QueueFileMode",
  supersafe: "SuperSafe",
  minqueueage: "MinQueueAge",
};
const QUICK_SHORT: Record<string, string> = { Q: "QueueDirectory", x: "QueueLA", q: "QueueFactor", s: "SuperSafe" };

/**
 * Queue settings straight from the cf text, for commands whose start-up
 * matters (mailq): only the O lines listed above are looked at. Returns
 * null whenever the full loader is needed (queue groups, macros in values,
 * MinQueueAge durations, folded option lines).
 */
export function quickQueueSettings(text: string): QueueSettings | null {
  const o = new Map<string, string>();
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    pos = end + 1;
    const c = line[0];
    if (c === "Q") return null;
    if (c !== "O") continue;
    const next = text[pos];
    if (next === " " || next === "\t") return null;
    let name: string;
    let value: string;
    if (line[1] === " ") {
      const eq = line.indexOf("=");
      name = (eq < 0 ? line.slice(2) : line.slice(2, eq)).trim();
      value = eq < 0 ? "" : line.slice(eq + 1).trim();
      const known = QUICK_OPTIONS[name.toLowerCase()];
      if (known === undefined) continue;
      name = known;
    } else {
      const known = QUICK_SHORT[line[1] ?? ""];
      if (known === undefined) continue;
      name = known;
      value = line.slice(2).trim();
    }
    if (value.includes("$") || value.includes("\x81")) return null;
    o.set(name, value);
  }
  if (o.has("MinQueueAge")) return null;
  const int = (k: string, d: number, radix = 10): number => {
    const v = o.get(k);
    if (v === undefined) return d;
    const n = Number.parseInt(v, radix);
    return Number.isFinite(n) ? n : d;
  };
  const queueDirectory = o.get("QueueDirectory") || DEFAULT_QUEUE_DIRECTORY;
  const superSafe = o.get("SuperSafe");
  return {
    queueDirectory,
    groups: [{ name: "mqueue", dirs: expandQueuePath(queueDirectory) }],
    fileMode: int("QueueFileMode", 0o600, 8),
    superSafe: superSafe === undefined ? true : !/^(f|false|n|no)$/i.test(superSafe),
    queueLA: int("QueueLA", 8),
    queueFactor: int("QueueFactor", 600000),
    minQueueAge: 0,
    sortOrder: (o.get("QueueSortOrder") || "priority").toLowerCase(),
    maxQueueRunSize: int("MaxQueueRunSize", 0),
  };
}
