/*
 * alias/expand - turn recipients into deliveries through the aliases, as
 * sendmail does at delivery time (the delivery code calls this).
 *
 *  - A local name found in the alias map is replaced by its list, each
 *    element expanded in turn (depth-first, in order), at most maxDepth
 *    (10, sendmail's MAXRCRSN) aliases deep.
 *  - "\user" is delivered to the user without further aliasing.
 *  - A name found in its own list is delivered to the user (self-reference:
 *    "eric: eric, eric@other" keeps a local copy); a name met again further
 *    down its own expansion is a loop and is dropped; a recipient whose
 *    expansion yields nothing but loops is an error.
 *  - Every delivery is made once (duplicates are suppressed).
 *  - When "owner-LIST" exists, errors for LIST's members go to it: it is
 *    the envelope sender of their deliveries.
 *  - Programs, files and :include: lists are refused as direct recipients;
 *    from an :include: file they run as the file's owner and are refused
 *    when the file is unsafe (see include.ts).
 *  - Unless MeToo, the sender is not sent a copy by a list it is on.
 * A map that cannot be read gives a temporary failure, never "no alias".
 */

import type { LookupResult } from "../map/map.js";
import { classifyTarget, splitAddressList, type Target } from "./address_list.js";
import { readInclude, type IncludeResult } from "./include.js";

/** sendmail's MAXRCRSN. */
export const MAX_ALIAS_DEPTH = 10;

/** Where expansion gets its data. */
export interface ExpandOptions {
  /** Alias map lookup of a lower-cased name. */
  readonly lookup: (key: string) => LookupResult;
  /** Whether a domain is this host's. */
  readonly isLocalDomain: (domain: string) => boolean;
  /** Read an :include: file (default: readInclude with sendmail's checks). */
  readonly readInclude?: (path: string) => IncludeResult;
  readonly maxDepth?: number;
  /** Envelope sender, for MeToo. */
  readonly sender?: string;
  /** Send the sender a copy from lists it is on (MeToo option). */
  readonly meToo?: boolean;
}

/** One delivery to make. */
export interface Delivery {
  /** A local user, a remote address, a program or a file. */
  readonly target: Exclude<Target, { kind: "include" } | { kind: "invalid" }>;
  /** The recipient and aliases / include files it came through. */
  readonly via: readonly string[];
  /** Envelope sender for errors (owner-LIST), or null for the original sender. */
  readonly owner: string | null;
  /** uid programs and files run as (the include file's owner), or null. */
  readonly ctlUid: number | null;
}

/** A recipient or list member that could not be expanded. */
export interface ExpandProblem {
  readonly address: string;
  readonly via: readonly string[];
  readonly text: string;
  /** Try again later (queue) rather than bounce. */
  readonly temporary: boolean;
  readonly owner: string | null;
}

/** Everything the recipients expand to. */
export interface ExpandResult {
  readonly deliveries: Delivery[];
  readonly problems: ExpandProblem[];
}

/** State shared by one expansion. */
interface Walk {
  readonly o: ExpandOptions;
  readonly seen: Set<string>;
  readonly deliveries: Delivery[];
  readonly problems: ExpandProblem[];
  loops: number;
}

/** Context of one element: how we got there. */
interface Ctx {
  readonly chain: readonly string[];
  readonly owner: string | null;
  readonly ctlUid: number | null;
  /** null: programs/files allowed; else why they are not. */
  readonly unsafe: string | null;
  /** Element comes from an alias or include (not a direct recipient). */
  readonly fromList: boolean;
}

/** Dedupe key of a delivery. */
function deliveryKey(t: Delivery["target"]): string {
  switch (t.kind) {
    case "local":
      return `local:${t.user.toLowerCase()}`;
    case "remote":
      return `remote:${t.address.toLowerCase()}`;
    case "program":
      return `program:${t.command}`;
    case "file":
      return `file:${t.path}`;
  }
}

/** Record a delivery unless it is a duplicate or the sender without MeToo. */
function deliver(w: Walk, target: Delivery["target"], ctx: Ctx): void {
  const key = deliveryKey(target);
  if (w.seen.has(key)) return;
  if (ctx.fromList && w.o.meToo === false && w.o.sender !== undefined) {
    const s = classifyTarget(w.o.sender, w.o.isLocalDomain);
    if (s.kind === "local" || s.kind === "remote") {
      if (deliveryKey(s.kind === "local" ? { kind: "local", user: s.user, noAlias: true } : s) === key) return;
    }
  }
  w.seen.add(key);
  w.deliveries.push({ target, via: ctx.chain, owner: ctx.owner, ctlUid: ctx.ctlUid });
}

/** Record a problem. */
function problem(w: Walk, address: string, ctx: Ctx, text: string, temporary: boolean): void {
  w.problems.push({ address, via: ctx.chain, text, temporary, owner: ctx.owner });
}

/** Expand one element of a list (or a direct recipient). */
function expandOne(w: Walk, element: string, ctx: Ctx): void {
  const t = classifyTarget(element, w.o.isLocalDomain);
  switch (t.kind) {
    case "invalid":
      problem(w, element, ctx, `${t.text}... ${t.reason}`, false);
      return;
    case "remote":
      deliver(w, t, ctx);
      return;
    case "program":
    case "file": {
      const what = t.kind === "program" ? "programs" : "files";
      if (!ctx.fromList) problem(w, element, ctx, `Cannot mail directly to ${what}`, false);
      else if (ctx.unsafe !== null) problem(w, element, ctx, `Address ${element} is unsafe for mailing to ${what} (${ctx.unsafe})`, false);
      else deliver(w, t, ctx);
      return;
    }
    case "include":
      expandInclude(w, element, t.path, ctx);
      return;
    case "local":
      expandLocal(w, element, t.user, t.noAlias, ctx);
  }
}

/** A local name: alias it, or deliver it. */
function expandLocal(w: Walk, element: string, user: string, noAlias: boolean, ctx: Ctx): void {
  const key = user.toLowerCase();
  const target = { kind: "local", user, noAlias: true } as const;
  if (noAlias) return deliver(w, target, ctx);
  if (ctx.chain.length > 0 && ctx.chain[ctx.chain.length - 1] === key) return deliver(w, target, ctx);
  if (ctx.chain.includes(key)) {
    w.loops++;
    return;
  }
  const max = w.o.maxDepth ?? MAX_ALIAS_DEPTH;
  if (ctx.chain.length >= max) {
    problem(w, element, ctx, `aliasing/forwarding loop broken (${ctx.chain.length + 1} aliases deep; ${max} max)`, false);
    return;
  }
  const r = w.o.lookup(key);
  if (r.kind === "tempfail") return problem(w, element, ctx, `alias database unavailable: ${r.reason}`, true);
  if (r.kind === "notfound") return deliver(w, target, ctx);
  let owner = ctx.owner;
  if (!key.startsWith("owner-")) {
    const o = w.o.lookup(`owner-${key}`);
    if (o.kind === "found") owner = `owner-${key}`;
  }
  const sub: Ctx = { ...ctx, chain: [...ctx.chain, key], owner, fromList: true };
  for (const e of splitAddressList(r.value)) expandOne(w, e, sub);
}

/** An :include: list. */
function expandInclude(w: Walk, element: string, path: string, ctx: Ctx): void {
  if (!ctx.fromList) return problem(w, element, ctx, "Cannot mail directly to :include:s", false);
  const tag = `:include:${path}`;
  if (ctx.chain.includes(tag)) {
    w.loops++;
    return;
  }
  const max = w.o.maxDepth ?? MAX_ALIAS_DEPTH;
  if (ctx.chain.length >= max) {
    problem(w, element, ctx, `aliasing/forwarding loop broken (${ctx.chain.length + 1} aliases deep; ${max} max)`, false);
    return;
  }
  const inc = (w.o.readInclude ?? ((p: string) => readInclude(p)))(path);
  if (!inc.ok) return problem(w, element, ctx, inc.error, inc.temporary);
  const sub: Ctx = {
    chain: [...ctx.chain, tag],
    owner: ctx.owner,
    ctlUid: inc.uid,
    unsafe: inc.safeForPrograms ? ctx.unsafe : inc.unsafeReason,
    fromList: true,
  };
  for (const line of inc.text.split("\n")) {
    if (line.startsWith("#") || line.trim().length === 0) continue;
    for (const e of splitAddressList(line)) expandOne(w, e, sub);
  }
}

/** Expand the recipients of one message. */
export function expandRecipients(recipients: readonly string[], o: ExpandOptions): ExpandResult {
  const w: Walk = { o, seen: new Set(), deliveries: [], problems: [], loops: 0 };
  for (const r of recipients) {
    const before = w.deliveries.length;
    const probs = w.problems.length;
    w.loops = 0;
    expandOne(w, r, { chain: [], owner: null, ctlUid: null, unsafe: null, fromList: false });
    if (w.deliveries.length === before && w.problems.length === probs && w.loops > 0) {
      w.problems.push({ address: r, via: [], text: "aliasing/forwarding loop: no recipients left", temporary: false, owner: null });
    }
  }
  return { deliveries: w.deliveries, problems: w.problems };
}
