/*
 * maps - the engine's map registry: one MapInstance per K line (and the
 * maps sendmail defines itself), built lazily from src/map/classes.
 * Map names are case-insensitive, as in sendmail's symbol table.
 */

import type { CfMap, CfModel } from "../cf/model.js";
import { arithMap } from "../map/classes/arith.js";
import { dbMap } from "../map/classes/db.js";
import { dequoteMap } from "../map/classes/dequote.js";
import { HostResolver, hostMap } from "../map/classes/host.js";
import { macroMap } from "../map/classes/macro.js";
import { bestmxMap, dnsMap, programMap } from "../map/classes/net.js";
import { regexMap } from "../map/classes/regex.js";
import { sequenceMap, switchMap } from "../map/classes/sequence.js";
import { stabMap } from "../map/classes/stab.js";
import { syslogMap } from "../map/classes/syslog.js";
import { textMap } from "../map/classes/text.js";
import { parseMapFlags, type MapClassInstance, type MapContext, type MapFlags, type MapInstance } from "../map/classes/types.js";
import { nullMap, unavailableMap } from "../map/classes/unavailable.js";
import { userMap } from "../map/classes/user.js";

export type { MapInstance } from "../map/classes/types.js";

export interface MapRegistryOptions {
  readonly hostsFile: string;
  readonly serviceSwitchFile: string;
  readonly passwdFile: string;
  readonly defineMacro: (name: string, value: string | null) => void;
  readonly localDomain: () => string;
  readonly log: (message: string) => void;
  /** syserr() of the engine (map open errors), with the exit status it sets. */
  readonly syserr?: (message: string, status?: number) => void;
}

/** All maps of a configuration. */
export class MapRegistry {
  private readonly defs = new Map<string, CfMap>();
  private readonly built = new Map<string, MapInstance>();
  readonly resolver: HostResolver;
  private readonly ctx: MapContext;

  constructor(model: CfModel, private readonly opts: MapRegistryOptions) {
    for (const m of model.maps) this.defs.set(m.name.toLowerCase(), m);
    this.resolver = new HostResolver({
      hostsFile: opts.hostsFile,
      serviceSwitchFile: opts.serviceSwitchFile,
      localDomain: opts.localDomain,
    });
    this.ctx = {
      defineMacro: opts.defineMacro,
      findMap: (name) => this.get(name),
      hostsFile: opts.hostsFile,
      serviceSwitchFile: opts.serviceSwitchFile,
      localDomain: opts.localDomain,
      log: opts.log,
      ...(opts.syserr !== undefined ? { syserr: opts.syserr } : {}),
    };
  }

  /** The map named name, or null if no K line defines it. */
  get(name: string): MapInstance | null {
    const key = name.toLowerCase();
    const have = this.built.get(key);
    if (have !== undefined) return have;
    const def = this.defs.get(key);
    if (def === undefined) return null;
    const inst = this.build(def);
    this.built.set(key, inst);
    return inst;
  }

  /** Replace or add a map (tests; seams for other map classes). */
  define(name: string, mapClass: string, impl: MapClassInstance, flags: MapFlags = parseMapFlags("")): void {
    this.built.set(name.toLowerCase(), { name, mapClass, flags, impl, open: true });
  }

  private build(def: CfMap): MapInstance {
    const flags = parseMapFlags(def.args);
    let impl: MapClassInstance;
    let open = def.valid;
    switch (def.mapClass) {
      case "host":
        impl = hostMap(flags, this.resolver);
        break;
      case "arith":
        impl = arithMap();
        break;
      case "macro":
        impl = macroMap(this.ctx);
        break;
      case "dequote":
        impl = dequoteMap({ ...flags, keepQuotes: true });
        return { name: def.name, mapClass: def.mapClass, flags: { ...flags, keepQuotes: true }, impl, open };
      case "regex":
        impl = regexMap(def.args);
        break;
      case "sequence":
        impl = sequenceMap(
          def.args.split(/[^A-Za-z0-9_.]+/).filter((w) => w.length > 0),
          this.ctx,
        );
        break;
      case "switch":
        impl = switchMap(def.name, flags.file ?? def.name, this.ctx);
        break;
      case "user":
        impl = userMap(flags, this.opts.passwdFile);
        break;
      case "stab":
        impl = stabMap();
        break;
      case "text":
        impl = textMap(flags);
        break;
      case "hash":
      case "btree":
      case "cdb":
      case "implicit": {
        const db = dbMap(def.mapClass, flags, def.name, this.ctx.syserr);
        impl = db;
        open = open && (flags.optional || db.isOpen());
        break;
      }
      case "bestmx":
        impl = bestmxMap(flags, () => this.resolver.usesDns());
        break;
      case "dns":
        impl = dnsMap(flags, def.args);
        break;
      case "program":
        impl = programMap(flags);
        break;
      case "syslog":
        impl = syslogMap(this.ctx);
        break;
      case "null":
        impl = nullMap();
        break;
      case "nis":
      case "nisplus":
      case "ldap":
      case "hesiod":
      case "netinfo":
      case "socket":
        impl = unavailableMap(def.mapClass);
        break;
      default:
        impl = nullMap();
        open = false;
        break;
    }
    return { name: def.name, mapClass: def.mapClass, flags, impl, open };
  }
}
