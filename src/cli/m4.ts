/*
 * cli/m4 - the `m4` command: GNU m4 1.4.19's command line on our processor
 *
 * A compile such as Debian's sendmail.mc is over in tens of milliseconds,
 * before V8's optimising compiler pays for itself: its compile jobs compete
 * with the run for the CPU and cost more than they save. So the command
 * turns it off before loading the processor (the in-process API is not
 * affected: a long-lived process is better served by the optimiser).
 */

import { lazyRequire } from "../util/node.js";

lazyRequire<typeof import("node:v8")>("node:v8").setFlagsFromString("--no-opt");
// The build also bundles the processor into one file (esbuild): loading one
// module instead of thirty saves a good part of the start-up. A tsc-only
// build falls back to the modules themselves, as does a bundle older than
// the modules (a tsc run since the last full build).
const fs = lazyRequire<typeof import("node:fs")>("node:fs");
const bundle = new URL("./m4_bundle.js", import.meta.url);
const bundled = fs.statSync(bundle, { throwIfNoEntry: false });
const modules = fs.statSync(new URL("../m4/interp.js", import.meta.url), { throwIfNoEntry: false });
if (bundled !== undefined && (modules === undefined || bundled.mtimeMs >= modules.mtimeMs)) await import(bundle.href);
else await import("./m4_main.js");
