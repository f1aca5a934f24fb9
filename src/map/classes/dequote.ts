/* dequote - the dequote map: remove one level of quoting when the result is a clean string. */

import { NOT_FOUND, mapRewrite, type LookupResult, type MapClassInstance, type MapFlags } from "./types.js";

/** sendmail's dequote_map() over one key. */
export function dequoteValue(name: string, spaceSub: string): string | null {
  let q = "";
  let anglecnt = 0;
  let cmntcnt = 0;
  let quotecnt = 0;
  let spacecnt = 0;
  let quotemode = false;
  let bslashmode = false;
  for (let i = 0; i < name.length; i++) {
    let c = name[i]!;
    if (bslashmode) {
      bslashmode = false;
      q += c;
      continue;
    }
    if (c === " " && spaceSub !== "\0") c = spaceSub;
    switch (c) {
      case "\\":
        bslashmode = true;
        break;
      case "(":
        cmntcnt++;
        break;
      case ")":
        if (cmntcnt-- <= 0) return null;
        break;
      case " ":
      case "\t":
        spacecnt++;
        break;
    }
    if (cmntcnt > 0) {
      q += c;
      continue;
    }
    if (c === '"') {
      quotemode = !quotemode;
      quotecnt++;
      continue;
    }
    if (c === "<") anglecnt++;
    else if (c === ">" && anglecnt-- <= 0) return null;
    q += c;
  }
  if (anglecnt !== 0 || cmntcnt !== 0 || bslashmode || quotemode || quotecnt <= 0 || spacecnt !== 0) return null;
  return q;
}

/** Build a dequote map (-S/-s space substitution, -a append). */
export function dequoteMap(flags: MapFlags): MapClassInstance {
  const sub = flags.spaceSub ?? " ";
  return {
    lookup(key: string): LookupResult {
      const v = dequoteValue(key, sub);
      if (v === null) return NOT_FOUND;
      return { kind: "found", value: mapRewrite(v, [], flags.append) };
    },
  };
}
