/*
 * common.mjs - what gen-golden.mjs (real sendmail) and differential_test.ts
 * (our bin/sendmail) share: the three configurations, their map and class
 * files, the corpus format and the compilation of a .mc into a .cf.
 *
 * Configurations (fixtures/*.mc, compiled as `m4 -D_NO_MAKEINFO_ cf.m4 MC`
 * against /usr/share/sendmail/cf):
 *   debian   Debian 12's /etc/mail/sendmail.mc (delay_checks, access_db
 *            with `skip', greet_pause, conncontrol, ratecontrol)
 *   variant  the same plus access_db, virtusertable, mailertable and
 *            use_cw_file on test maps, blocklist_recipients, no delay_checks
 *   generic  sendmail's cf/cf/generic-linux.mc
 * After compiling, every "/etc/mail/" in an F (class file) or K (map) line
 * becomes "@MAPDIR@/etc/mail/", and @MAPDIR@ then the scratch directory, so
 * no answer depends on the machine's own /etc/mail. Outputs are compared
 * with the scratch directory written back as @MAPDIR@.
 *
 * Corpus files (fixtures/*.bt): one -bt input line per line. Lines starting
 * with "#" and empty lines are not sent (they are the file's comments).
 * Directives, anywhere in the file:
 *   #@ configs: debian variant generic    which configurations run it
 *   #@ args: -d21.12                      extra sendmail arguments
 */

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, "fixtures");
export const GOLDEN = join(HERE, "golden");
export const REPO = resolve(HERE, "..", "..");
export const CF_LIB = "/usr/share/sendmail/cf";
export const GNU_M4 = "/usr/bin/m4";
export const MAPDIR_TOKEN = "@MAPDIR@";

/**
 * The configurations. maps: hash maps built with makemap (src in
 * fixtures/maps, db path relative to the scratch dir, without ".db");
 * files: plain files copied into the scratch dir (class files).
 */
export const CONFIGS = [
  {
    name: "debian",
    mc: "debian.mc",
    maps: [{ type: "hash", src: "etc-access", db: "etc/mail/access" }],
    files: [{ src: "etc-local-host-names", dst: "etc/mail/local-host-names" }],
  },
  {
    name: "variant",
    mc: "variant.mc",
    maps: [
      { type: "hash", src: "access", db: "access" },
      { type: "hash", src: "virtusertable", db: "virtusertable" },
      { type: "hash", src: "mailertable", db: "mailertable" },
    ],
    files: [
      { src: "local-host-names", dst: "local-host-names" },
      { src: "relay-domains", dst: "relay-domains" },
    ],
  },
  {
    name: "generic",
    mc: "generic-linux.mc",
    maps: [],
    files: [{ src: "etc-local-host-names", dst: "etc/mail/local-host-names" }],
  },
];

/**
 * Parse a corpus file: { name, file, configs, args, lines, fileLines }
 * (fileLines[i]: the 1-based line number of lines[i] in the file).
 */
export function readCorpus(file) {
  const text = readFileSync(file, "latin1");
  const name = file.replace(/^.*\//, "").replace(/\.bt$/, "");
  let configs = CONFIGS.map((c) => c.name);
  let args = [];
  const lines = [];
  const fileLines = [];
  const all = text.split("\n");
  for (let n = 0; n < all.length; n++) {
    const line = all[n];
    const d = /^#@\s*(configs|args):\s*(.*)$/.exec(line);
    if (d !== null) {
      const words = d[2].trim().split(/\s+/).filter((w) => w.length > 0);
      if (d[1] === "configs") configs = words;
      else args = words;
      continue;
    }
    if (line.length === 0 || line.startsWith("#")) continue;
    lines.push(line);
    fileLines.push(n + 1);
  }
  for (const c of configs) {
    if (!CONFIGS.some((k) => k.name === c)) throw new Error(`${file}: unknown configuration ${c}`);
  }
  return { name, file, configs, args, lines, fileLines };
}

/** All corpora, sorted by name. */
export function allCorpora() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".bt"))
    .sort()
    .map((f) => readCorpus(join(FIXTURES, f)));
}

export function goldenPath(configName, corpusName) {
  return join(GOLDEN, `${configName}__${corpusName}.out`);
}

/** Which m4 to use: GNU m4 if installed, else this project's bin/m4 (byte-identical). */
export function m4Command() {
  if (existsSync(GNU_M4)) return [GNU_M4];
  return [process.execPath, join(REPO, "bin", "m4")];
}

/** Why configurations cannot be compiled here, or null. */
export function cfLibMissing() {
  if (!existsSync(join(CF_LIB, "m4", "cf.m4"))) return `${CF_LIB} not found (Debian package sendmail-cf)`;
  return null;
}

/** Rewrite a compiled cf: /etc/mail/ in F and K lines -> the scratch dir. */
export function localizeCf(text, mapDir) {
  const out = text
    .split("\n")
    .map((l) => (/^[FK]/.test(l) ? l.split("/etc/mail/").join(`${MAPDIR_TOKEN}/etc/mail/`) : l))
    .join("\n");
  return out.split(MAPDIR_TOKEN).join(mapDir);
}

/**
 * Compile config's .mc into mapDir/<name>.cf (its maps and class files are
 * expected in mapDir). Returns the cf path. Throws on an m4 error.
 */
export function compileConfig(config, mapDir) {
  const [m4, ...pre] = m4Command();
  const r = spawnSync(m4, [...pre, "-D_NO_MAKEINFO_", join(CF_LIB, "m4", "cf.m4"), join(FIXTURES, config.mc)], {
    cwd: FIXTURES,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", TZ: "UTC" },
    encoding: "latin1",
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0 || (r.stderr ?? "").length > 0) {
    throw new Error(`m4 ${config.mc}: status ${r.status}: ${r.stderr}`);
  }
  const cf = join(mapDir, `${config.name}.cf`);
  writeFileSync(cf, localizeCf(r.stdout, mapDir), "latin1");
  return cf;
}

/** Copy config's plain files into mapDir and create the directories for its maps. */
export function installFiles(config, mapDir) {
  for (const f of config.files) {
    const dst = join(mapDir, f.dst);
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(join(FIXTURES, "maps", f.src), dst);
  }
  for (const m of config.maps) mkdirSync(dirname(join(mapDir, m.db)), { recursive: true });
}

export function mapSource(m) {
  return readFileSync(join(FIXTURES, "maps", m.src), "latin1");
}

/** Write the scratch dir back as @MAPDIR@. */
export function unlocalize(text, mapDir) {
  return text.split(mapDir).join(MAPDIR_TOKEN);
}
