/*
 * util/node - Node's built-in modules, loaded the cheap way
 *
 * An ESM `import { x } from "node:fs"` builds a namespace of every export,
 * which runs fs's lazy getters and drags in the whole streams stack: about
 * 10 ms of start-up for a one-shot command such as m4. `require` hands back
 * the plain module object and leaves those getters alone, so commands whose
 * start-up matters take fs and friends from here.
 */

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** node:fs, without its stream getters being run. */
export const fs = require("node:fs") as typeof import("node:fs");
/** node:path. */
export const path = require("node:path") as typeof import("node:path");
/** lazyRequire - a built-in module loaded at first use */
export function lazyRequire<T>(name: string): T {
  return require(name) as T;
}
