/* trace - how rewrite() prints token lists: printav(), the "input:"/"returns:" lines, -d21 traces. */

import { xputs, type MacroNamer } from "../cf/render.js";

/** printav(): " tok tok ..." (a blank before every token) and a newline. */
export function printav(pvp: readonly string[], first: number, namer: MacroNamer): string {
  let out = "";
  for (let i = first; i < pvp.length; i++) out += " " + xputs(pvp[i]!, namer);
  return out + "\n";
}

/** "%-16.16s" */
export function pad16(name: string): string {
  const s = name.length > 16 ? name.slice(0, 16) : name;
  return s.length < 16 ? s + " ".repeat(16 - s.length) : s;
}
