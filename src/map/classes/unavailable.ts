/* unavailable - classes this build has no server for (nis, nisplus, ldap, hesiod, ...): never found; null: always empty. */

import { NOT_FOUND, type LookupResult, type MapClassInstance } from "./types.js";

/** A map that answers "not found" to every key (sendmail's null map and unconfigured services). */
export function nullMap(): MapClassInstance {
  return { lookup: (): LookupResult => NOT_FOUND };
}

/** A map whose service is not configured: lookups fail temporarily, as sendmail reports an unreachable server. */
export function unavailableMap(service: string): MapClassInstance {
  return { lookup: (): LookupResult => ({ kind: "tempfail", reason: `${service} not available` }) };
}
