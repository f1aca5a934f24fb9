/*
 * alias/alias_config - what newaliases and praliases take from sendmail.cf:
 * AliasFile (after -O overrides), TrustedUser, and class w.
 */

import { readFileSync } from "node:fs";
import { cfOption, defaultConfigFile, lookupUid } from "../map/cf_options.js";
import { errnoText } from "../map/map.js";
import { parseAliasFileOption, type AliasFileSpec } from "./aliasfile.js";
import { classWFromCf, localDomainPredicate } from "./local_names.js";

/** The settings the alias tools use. */
export interface AliasConfig {
  readonly cfFile: string;
  readonly databases: AliasFileSpec[];
  readonly trustedUid: number | undefined;
  readonly isLocalDomain: (domain: string) => boolean;
}

/** Default AliasFile when the cf sets none. */
export const DEFAULT_ALIAS_FILE = "/etc/mail/aliases";

/**
 * Load the configuration: cf (null = default), -O overrides
 * ("AliasFile=..."); returns an error text when an explicit cf is unreadable.
 */
export function loadAliasConfig(cf: string | null, overrides: readonly string[]): AliasConfig | { error: string; code: string } {
  const cfFile = cf ?? defaultConfigFile();
  let text = "";
  try {
    text = readFileSync(cfFile, "latin1");
  } catch (e) {
    if (cf !== null) return { error: `${cfFile}: ${errnoText(e)}`, code: (e as NodeJS.ErrnoException).code ?? "" };
  }
  let aliasFile = cfOption(text, "AliasFile");
  let trusted = cfOption(text, "TrustedUser");
  for (const o of overrides) {
    const eq = o.indexOf("=");
    const name = (eq < 0 ? o : o.slice(0, eq)).trim();
    const value = eq < 0 ? "" : o.slice(eq + 1).trim();
    if (name === "AliasFile" || name === "A") aliasFile = value;
    else if (name === "TrustedUser") trusted = value;
  }
  const euid = typeof process.geteuid === "function" ? process.geteuid() : -1;
  return {
    cfFile,
    databases: parseAliasFileOption(aliasFile ?? DEFAULT_ALIAS_FILE),
    trustedUid: euid === 0 && trusted ? lookupUid(trusted) : undefined,
    isLocalDomain: localDomainPredicate(classWFromCf(text)),
  };
}
