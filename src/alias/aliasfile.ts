/*
 * alias/aliasfile - the AliasFile option: which alias databases exist.
 *
 * The option lists one or more databases separated by commas, each
 * "class:args" or a bare file name (class "implicit", i.e. hash on a .db
 * file). args are K-line style flags followed by the source file name, e.g.
 * "hash:-N /etc/mail/aliases"; -N means keys and values are stored with a
 * terminating NUL. A stock cf says AliasFile=/etc/mail/aliases.
 */

/** One alias database named by AliasFile. */
export interface AliasFileSpec {
  /** Map class as written ("hash", "btree", "cdb", "implicit", or other). */
  readonly cls: string;
  /** The text source file (the database adds .db or .cdb). */
  readonly file: string;
  /** -N: keys and values carry a terminating NUL. */
  readonly nul: boolean;
  /** The spec as written (for messages). */
  readonly spec: string;
}

/** Split an AliasFile value into its databases. */
export function parseAliasFileOption(value: string): AliasFileSpec[] {
  const out: AliasFileSpec[] = [];
  for (const raw of value.split(",")) {
    const spec = raw.trim();
    if (spec.length === 0) continue;
    let cls = "implicit";
    let args = spec;
    const colon = spec.indexOf(":");
    if (colon > 0 && !spec.startsWith("/") && !spec.slice(0, colon).includes("/")) {
      cls = spec.slice(0, colon);
      args = spec.slice(colon + 1);
    }
    const words = args.trim().split(/\s+/).filter((w) => w.length > 0);
    let nul = false;
    let file = "";
    for (const w of words) {
      if (w.startsWith("-") && file === "") {
        if (w.includes("N")) nul = true;
      } else if (file === "") file = w;
    }
    out.push({ cls, file, nul, spec });
  }
  return out;
}

/** The map format an alias class is built in, or null if we cannot build it. */
export function aliasMapType(cls: string): "hash" | "btree" | "cdb" | null {
  if (cls === "hash" || cls === "implicit") return "hash";
  if (cls === "btree" || cls === "cdb") return cls;
  return null;
}
