/*
 * alias/address_list - split an alias value into addresses and say what
 * each one is.
 *
 * A value is a comma-separated list (commas inside quotes, angle brackets
 * or parenthesised comments do not split). Each element is a program
 * ("|cmd", or "\"|cmd args\"" quoted so it may hold commas), a file (an
 * absolute path), an :include: of another list, a local user (optionally
 * "\user": deliver, do not alias again), or an address with a domain.
 * "Full Name <addr>" and comments reduce to the address, as sendmail does.
 */

/** What one element of an alias list designates. */
export type Target =
  | { readonly kind: "local"; readonly user: string; readonly noAlias: boolean }
  | { readonly kind: "remote"; readonly address: string }
  | { readonly kind: "program"; readonly command: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "include"; readonly path: string }
  | { readonly kind: "invalid"; readonly text: string; readonly reason: string };

/** Split a list on commas outside quotes, <...> and (...). */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c === "\\" && i + 1 < list.length) {
      cur += c + list[++i];
      continue;
    }
    if (quote) {
      if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if (c === "(") paren++;
    else if (c === ")" && paren > 0) paren--;
    else if (paren === 0 && c === "<") angle++;
    else if (paren === 0 && c === ">" && angle > 0) angle--;
    else if (c === "," && angle === 0 && paren === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Drop (comments) outside quotes. */
function stripComments(s: string): string {
  let out = "";
  let q = false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      out += c;
      if (c === "\\" && i + 1 < s.length) out += s[++i];
      else if (c === '"') q = false;
    } else if (c === '"' && depth === 0) {
      q = true;
      out += c;
    } else if (c === "(") depth++;
    else if (c === ")" && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out.trim();
}

/** The address inside "phrase <addr>", or the text itself. */
function routeAddr(s: string): string {
  const lt = s.lastIndexOf("<");
  const gt = s.lastIndexOf(">");
  if (lt >= 0 && gt > lt && !s.startsWith('"|')) return s.slice(lt + 1, gt).trim();
  return s;
}

/** Classify one list element; isLocalDomain decides whether user@domain is ours. */
export function classifyTarget(element: string, isLocalDomain: (d: string) => boolean): Target {
  let s = element.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2 && s[1] === "|") {
    return { kind: "program", command: s.slice(2, -1).replace(/\\(.)/g, "$1") };
  }
  if (s.startsWith("|")) return { kind: "program", command: s.slice(1) };
  if (/^:include:/i.test(s)) {
    const path = s.slice(9).trim();
    return path.startsWith("/") ? { kind: "include", path } : { kind: "invalid", text: s, reason: "include path must be absolute" };
  }
  if (s.startsWith("/")) return { kind: "file", path: s };
  s = routeAddr(stripComments(s));
  if (s.length === 0) return { kind: "invalid", text: element, reason: "empty address" };
  let noAlias = false;
  if (s.startsWith("\\")) {
    noAlias = true;
    s = s.slice(1);
  }
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2 && !s.slice(1, -1).includes('"')) s = s.slice(1, -1);
  const at = s.lastIndexOf("@");
  if (at >= 0) {
    const domain = s.slice(at + 1);
    if (domain.length > 0 && !isLocalDomain(domain.toLowerCase())) return { kind: "remote", address: s };
    s = s.slice(0, at);
  }
  if (s.length === 0) return { kind: "invalid", text: element, reason: "empty user name" };
  return { kind: "local", user: s, noAlias };
}
