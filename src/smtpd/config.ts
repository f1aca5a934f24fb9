/*
 * config - what the SMTP server needs from sendmail.cf, as plain values.
 * fromCf() derives it from a CfModel; tests build it directly.
 */

import type { CfModel, CfOptionValue } from "../cf/index.js";

export interface SmtpdConfig {
  /** $j: our host name. */
  readonly hostname: string;
  /** The expanded SmtpGreetingMessage (without "220 " and without the ESMTP insertion). */
  readonly greeting: string;
  /** $v for HELP. */
  readonly version: string;
  /** PrivacyOptions flags, lower case, "goaway"/"public"/"restrict*" expanded. */
  readonly privacy: ReadonlySet<string>;
  /** MaxMessageSize (0: unlimited). */
  readonly maxMessageSize: number;
  /** MaxRecipientsPerMessage (0: unlimited). */
  readonly maxRecipients: number;
  /** MaxHopCount (sendmail default 25). */
  readonly maxHopCount: number;
  /** Timeouts in milliseconds (0: none). */
  readonly timeouts: { readonly command: number; readonly datablock: number; readonly datafinal: number };
  /** Helpfile contents (null: no help file, "HELP not implemented"). */
  readonly helpfile: string | null;
  /** AUTH mechanisms offered (empty: no AUTH keyword). */
  readonly authMechanisms: readonly string[];
  /** STARTTLS configured (certificates present). */
  readonly starttls: boolean;
  /** Queue group names known to ETRN #queue. */
  readonly queueGroups: readonly string[];
}

const GOAWAY = ["needmailhelo", "needexpnhelo", "needvrfyhelo", "noexpn", "novrfy", "noverb", "authwarnings", "noreceipts", "nobodyreturn"];

/** Expand PrivacyOptions words to single flags. */
export function privacyFlags(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w0 of words) {
    const w = w0.toLowerCase();
    if (w === "goaway") GOAWAY.forEach((f) => out.add(f));
    else if (w !== "public" && w !== "") out.add(w);
  }
  return out;
}

function optionValue(model: CfModel, name: string): CfOptionValue | undefined {
  return model.optionValues.get(name);
}

export interface FromCfOptions {
  readonly hostname: string;
  readonly version?: string;
  /** Greeting after macro expansion (the cf's template needs $b, $v...). */
  readonly greeting?: string;
  readonly helpfile?: string | null;
  readonly authMechanisms?: readonly string[];
  readonly starttls?: boolean;
}

/** Derive the config from a loaded cf. Macro expansion of the greeting is left to the caller. */
export function fromCf(model: CfModel, opts: FromCfOptions): SmtpdConfig {
  const num = (name: string, dflt: number): number => {
    const v = optionValue(model, name);
    if (v === undefined) return dflt;
    if (v.kind === "integer" || v.kind === "size") return v.value;
    return dflt;
  };
  const priv = optionValue(model, "PrivacyOptions");
  const words = priv?.kind === "flags" ? priv.flags : priv?.kind === "list" ? priv.items : [];
  const timeout = (name: string, dflt: number): number => {
    const t = model.timeouts.filter((x) => x.name === name).pop();
    return (t?.value ?? dflt) * 1000;
  };
  const version = opts.version ?? "8.17.1.9";
  return {
    hostname: opts.hostname,
    greeting: opts.greeting ?? `${opts.hostname} Sendmail ${version}/${version}`,
    version,
    privacy: privacyFlags(words),
    maxMessageSize: num("MaxMessageSize", 0),
    maxRecipients: num("MaxRecipientsPerMessage", 0),
    maxHopCount: num("MaxHopCount", 25),
    timeouts: { command: timeout("command", 3600), datablock: timeout("datablock", 3600), datafinal: timeout("datafinal", 3600) },
    helpfile: opts.helpfile ?? null,
    authMechanisms: opts.authMechanisms ?? [],
    starttls: opts.starttls ?? false,
    queueGroups: model.queueGroups.map((q) => q.name),
  };
}
