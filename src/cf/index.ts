/*
 * The sendmail.cf loader: loadCf() reads a configuration file the way
 * sendmail 8.17 does and returns an immutable CfModel; parseCf() does the
 * same for text in memory. Problems are reported in model.errors (and
 * returned by parseCf) with sendmail's wording; nothing throws except a
 * file that cannot be read at all (reported as a fatal CfError, too).
 */

import { readFileSync, statSync } from "node:fs";
import { shortenString } from "./diag.js";
import { defaultEnvironment } from "./env.js";
import { EX_OSFILE, type CfError, type CfModel } from "./model.js";
import { readCf, type LoadOptions } from "./reader.js";

export * from "./model.js";
export { defaultEnvironment } from "./env.js";
export { readCf, arpadate, SENDMAIL_VERSION, MAXCONFIGLEVEL, type CfEnvironment, type LoadOptions } from "./reader.js";
export {
  xputs,
  renderRule,
  renderRuleset,
  renderMailer,
  renderMailers,
  renderClass,
  renderMacro,
  macroNamer,
  type MacroNamer,
} from "./render.js";
export { prescan, makeTokenTables, DEFAULT_OPERATOR_CHARS, DELIMCHARS, type TokenTables, type PrescanOptions } from "./tokenize.js";
export { expand, translateDollars, macidParse, MacroIds, MacroTable, munchString, quoteInternalChars } from "./macros.js";
export { convtime, OPTION_TABLE, lookupOption } from "./options.js";
export { systemDatabases, clearSystemDatabaseCache, type SystemDatabases } from "./sysdb.js";
export * as chars from "./chars.js";

/** Parse cf text (decoded as latin1: one char per octet) named fileName. */
export function parseCf(text: string, fileName: string, opts: LoadOptions = {}): { model: CfModel; errors: CfError[] } {
  const env = opts.env ?? defaultEnvironment();
  const model = readCf(text, fileName, opts, env);
  return { model: freezeModel(model), errors: model.errors.slice() };
}

/** Read and parse a sendmail.cf file synchronously. */
export function loadCf(path: string, opts: LoadOptions = {}): CfModel {
  let text: string | null = null;
  let message: string;
  try {
    if (!statSync(path).isFile()) message = "not a plain file";
    else {
      text = readFileSync(path, "latin1");
      message = "";
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "No such file or directory"
        : code === "EACCES"
          ? "Permission denied"
          : code === "ENOTDIR"
            ? "Not a directory"
            : code === "EISDIR"
              ? "Is a directory"
              : String(code);
    message = `cannot open: ${why}`;
  }
  if (text === null) {
    // sendmail: syserr("cannot open"); finis(false, true, EX_OSFILE)
    const error: CfError = {
      severity: "error",
      file: path,
      line: 0,
      message,
      text: `${shortenString(path, 83)}: line 0: ${message}`,
      exitStatus: EX_OSFILE,
      fatal: true,
    };
    const env = opts.env ?? defaultEnvironment();
    const empty = readCf("", path, opts, env);
    return freezeModel({ ...empty, errors: [error], exitStatus: EX_OSFILE });
  }
  return parseCf(text, path, opts).model;
}

/** Freeze the model's containers (arrays and plain objects; Maps and Sets are typed read-only). */
function freezeModel(model: CfModel): CfModel {
  const freeze = (v: unknown): void => {
    if (v === null || typeof v !== "object" || Object.isFrozen(v)) return;
    if (v instanceof Map) {
      for (const x of v.values()) freeze(x);
      return;
    }
    if (v instanceof Set) return;
    Object.freeze(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === "object") freeze(x);
      }
      return;
    }
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === "object") freeze(x);
    }
  };
  freeze(model);
  return model;
}
