/*
 * regex - the regex map: POSIX extended regular expressions (-b basic is
 * treated the same), -n inverts the match, -f keeps case, -s picks
 * substrings (joined by the -d delimiter, default a blank), -a appends.
 */

import { NOT_FOUND, mapRewrite, type LookupResult, type MapClassInstance } from "./types.js";

interface RegexOptions {
  caseSensitive: boolean;
  not: boolean;
  subfields: number[] | null;
  delim: string;
  append: string | null;
  matchOnly: boolean;
}

/** Build a regex map from the K line argument text. */
export function regexMap(args: string): MapClassInstance {
  const o: RegexOptions = { caseSensitive: false, not: false, subfields: null, delim: " ", append: null, matchOnly: false };
  let i = 0;
  const n = args.length;
  for (;;) {
    while (i < n && (args[i] === " " || args[i] === "\t")) i++;
    if (args[i] !== "-") break;
    const c = args[i + 1];
    let j = i + 2;
    while (j < n && args[j] !== " " && args[j] !== "\t") j++;
    const v = args.slice(i + 2, j);
    if (c === "f") o.caseSensitive = true;
    else if (c === "n") o.not = true;
    else if (c === "m") o.matchOnly = true;
    else if (c === "a") o.append = v;
    else if (c === "d") o.delim = v.length > 0 ? v[0]! : " ";
    else if (c === "s") o.subfields = v.split(",").map((x) => Number.parseInt(x, 10)).filter((x) => Number.isFinite(x));
    i = j;
  }
  let re: RegExp | null;
  try {
    re = new RegExp(posixToJs(args.slice(i)), o.caseSensitive ? "" : "i");
  } catch {
    re = null;
  }
  return {
    lookup(key: string, av: readonly string[]): LookupResult {
      if (re === null) return NOT_FOUND;
      const m = re.exec(key);
      if ((m === null) !== o.not) return NOT_FOUND;
      if (o.matchOnly) return { kind: "found", value: mapRewrite(key, [], o.append) };
      if (m === null || o.subfields === null) return { kind: "found", value: mapRewrite("", av, o.append) };
      const parts: string[] = [];
      for (const f of o.subfields) {
        const s = m[f];
        if (s !== undefined) parts.push(s);
      }
      return { kind: "found", value: mapRewrite(parts.join(o.delim), av, o.append) };
    },
  };
}

/** Translate POSIX bracket classes ([[:alpha:]]) to JavaScript. */
function posixToJs(p: string): string {
  const classes: Record<string, string> = {
    alpha: "A-Za-z",
    digit: "0-9",
    alnum: "A-Za-z0-9",
    upper: "A-Z",
    lower: "a-z",
    space: " \\t\\n\\r\\f\\v",
    blank: " \\t",
    punct: "!-\\/:-@\\[-`{-~",
    xdigit: "0-9A-Fa-f",
    print: " -~",
    graph: "!-~",
    cntrl: "\\x00-\\x1f\\x7f",
  };
  return p.replace(/\[:([a-z]+):\]/g, (all, name: string) => classes[name] ?? all);
}
