/*
 * library_test - properties of the cf/ library that need no sendmail:
 *   - our m4 and GNU m4 give byte-identical output for every example and
 *     feature configuration (the library needs nothing GNU m4 does not
 *     have, and our m4 runs it exactly);
 *   - cf.m4 works named on the command line (relative or absolute path),
 *     included by the .mc, and with -D_CF_DIR_;
 *   - every FEATURE compiles on its own;
 *   - the list of known names used for "did you mean" hints is complete;
 *   - every confXXX that cf/README maps to an option sets that option.
 */

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIGS } from "./feature_configs.mjs";
import { compile, EXAMPLES, GNU_M4, makeScratch, MC_DIR, mcText, OUR_CF, OUR_M4, ourM4Available, ROOT } from "./harness.mjs";

const haveGnu = existsSync(GNU_M4);
const built = ourM4Available();
const M4 = built ? OUR_M4 : GNU_M4;
if (!built) console.log("cf library: our m4 is not built; byte-identity with GNU m4 not checked");
if (!haveGnu) console.log("cf library: GNU m4 (/usr/bin/m4) not installed; byte-identity not checked");
const README_GZ = "/usr/share/doc/sendmail-doc/cf.README.gz";

const scratches: string[] = [];
afterAll(() => {
  for (const d of scratches) rmSync(d, { recursive: true, force: true });
});
function scratch(tag: string): string {
  const d = makeScratch(tag);
  scratches.push(d);
  return d;
}

/** All .mc texts worth compiling: the examples and the feature configurations. */
function allMcs(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const ex of EXAMPLES) out.push([ex.name, mcText(join(MC_DIR, ex.mc), dir, OUR_CF)]);
  for (const [name, text] of Object.entries(CONFIGS)) out.push([name, (text as string).split("/etc/mail/").join(`${dir}/`)]);
  return out;
}

describe.skipIf(!built || !haveGnu)("cf library: our m4 and GNU m4 agree byte for byte", () => {
  const dir = scratch("m4");
  for (const [name, text] of allMcs(dir)) {
    it(name, () => {
      const mc = join(dir, `${name}.mc`);
      writeFileSync(mc, text, "latin1");
      const defs = { _NO_MAKEINFO_: "", MAIL_SETTINGS_DIR: `${dir}/` };
      const gnu = compile(GNU_M4, OUR_CF, mc, defs);
      const ours = compile(OUR_M4, OUR_CF, mc, defs);
      expect(ours.stderr.split(dir).join("DIR")).toBe(gnu.stderr.split(dir).join("DIR"));
      expect(ours.status).toBe(gnu.status);
      expect(ours.stdout === gnu.stdout, "outputs differ").toBe(true);
    });
  }
});

describe("cf library: ways of naming cf.m4", () => {
  const mcBody = "divert(0)dnl\nOSTYPE(`linux')dnl\nDOMAIN(`generic')dnl\nMAILER(`local')dnl\nMAILER(`smtp')dnl\n";
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(M4 === OUR_M4 ? process.execPath : M4, M4 === OUR_M4 ? [join(ROOT, "dist", "cli", "m4.js"), ...args] : args, {
      cwd,
      encoding: "latin1",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it("m4 cf/m4/cf.m4 x.mc (relative), m4 /abs/cf.m4 x.mc, include(`/abs/cf.m4'), -D_CF_DIR_ all give the same file", () => {
    const dir = scratch("names");
    const plain = join(dir, "plain.mc");
    writeFileSync(plain, mcBody);
    const incl = join(dir, "incl.mc");
    writeFileSync(incl, `divert(-1)\ninclude(\`${OUR_CF}')dnl\n${mcBody}`);
    const a = run(["-D_NO_MAKEINFO_", "cf/m4/cf.m4", plain], ROOT);
    const b = run(["-D_NO_MAKEINFO_", OUR_CF, plain], dir);
    const c = run(["-D_NO_MAKEINFO_", incl], dir);
    const d = run(["-D_NO_MAKEINFO_", `-D_CF_DIR_=${ROOT}/cf/`, OUR_CF, plain], dir);
    const e = run(["-D_NO_MAKEINFO_", OUR_CF, incl], dir);
    expect(a).toMatch(/^V10\/Berkeley$/m);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d).toBe(a);
    expect(e).toBe(a);
  });

  it("mc/debian-server.mc (include(`cf/m4/cf.m4')) builds from the checkout, and from anywhere with -I", () => {
    const a = run(["-D_NO_MAKEINFO_", "mc/debian-server.mc"], ROOT);
    const b = run(["-D_NO_MAKEINFO_", "-I", ROOT, join(ROOT, "mc", "debian-server.mc")], scratch("incl"));
    expect(a).toMatch(/^O DaemonPortOptions=Family=inet, +Name=MTA-v4, Port=smtp, Addr=127\.0\.0\.1$/m);
    expect(b).toBe(a);
  });

  it("without _NO_MAKEINFO_ the file says who built it, where and from what", () => {
    const dir = scratch("info");
    const plain = join(dir, "plain.mc");
    writeFileSync(plain, mcBody);
    const out = run([OUR_CF, plain], dir);
    expect(out).toMatch(/^#####  built by \S+@\S+ on .+$/m);
    expect(out).toContain(`#####  in ${dir}`);
  });
});

/** Arguments the features that need one are given when compiled alone. */
const FEATURE_ARGS: Record<string, string> = {
  nouucp: ", `reject'",
  nopercenthack: ", `reject'",
  nullclient: ", `mailhub.example.com'",
  dnsbl: ", `bl.example.org'",
  enhdnsbl: ", `bl.example.org'",
  greet_pause: ", `1000'",
};
/** ... and the features they need before them. */
const FEATURE_NEEDS: Record<string, string> = {
  blocklist_recipients: "FEATURE(`access_db')dnl\n",
  blacklist_recipients: "FEATURE(`access_db')dnl\n",
  relay_mail_from: "FEATURE(`access_db')dnl\n",
  lookupdotdomain: "FEATURE(`access_db')dnl\n",
  ratecontrol: "FEATURE(`access_db')dnl\n",
  conncontrol: "FEATURE(`access_db')dnl\n",
  compat_check: "FEATURE(`access_db')dnl\n",
  queuegroup: "FEATURE(`access_db')dnl\n",
  preserve_luser_host: "define(`LUSER_RELAY', `relay.example.net')dnl\n",
};
/** Features that warn on purpose (an open relay, ...). */
const WARNS = new Set(["promiscuous_relay", "relay_local_from", "relay_mail_from", "blacklist_recipients"]);

describe("cf library: every FEATURE compiles on its own", () => {
  const features = readdirSync(join(ROOT, "cf", "feature")).filter((f) => f.endsWith(".m4")).map((f) => f.slice(0, -3));
  const dir = scratch("feat");
  for (const f of features) {
    it(f, () => {
      const mc = join(dir, `${f}.mc`);
      const lead = f === "msp" ? "define(`__OSTYPE__',`')dnl\n" : "OSTYPE(`linux')dnl\n";
      const tail = f === "msp" || f === "nullclient" ? "" : "MAILER(`local')dnl\nMAILER(`smtp')dnl\n";
      writeFileSync(mc, `divert(0)dnl\n${lead}${FEATURE_NEEDS[f] ?? ""}FEATURE(\`${f}'${FEATURE_ARGS[f] ?? ""})dnl\n${tail}`);
      const r = compile(M4, OUR_CF, mc, { _NO_MAKEINFO_: "" });
      expect(r.status, r.stderr).toBe(0);
      if (!WARNS.has(f)) expect(r.stderr).toBe("");
      else expect(r.stderr).toMatch(/WARNING/);
      expect(r.stdout).toMatch(/^Mlocal,/m);
    });
  }
});

describe("cf library: the name lists behind the hints", () => {
  const vocab = readFileSync(join(ROOT, "cf", "m4", "vocab.m4"), "latin1");
  for (const kind of ["feature", "ostype", "domain", "mailer"]) {
    it(`_SM_KNOWN_${kind} lists exactly the files in cf/${kind}/`, () => {
      const m = new RegExp(`define\\(\`_SM_KNOWN_${kind}', \`([^']*)'\\)`).exec(vocab);
      expect(m).not.toBeNull();
      const listed = m![1].split(/\s+/).filter(Boolean).sort();
      const files = readdirSync(join(ROOT, "cf", kind)).filter((f) => f.endsWith(".m4")).map((f) => f.slice(0, -3)).sort();
      expect(listed).toEqual(files);
    });
  }
});

describe.skipIf(!existsSync(README_GZ))("cf library: the option table of cf/README", () => {
  it("every confXXX that cf/README maps to an option sets that option", () => {
    const readme = gunzipSync(readFileSync(README_GZ)).toString("latin1");
    const start = readme.indexOf("M4 Variable Name\tConfiguration");
    const table = readme.slice(start, readme.indexOf("See also the description of OSTYPE", start));
    const pairs: [string, string][] = [];
    for (const m of table.matchAll(/^(conf[A-Z0-9_]+)\*?(?:[ \t]+([A-Za-z][A-Za-z0-9.-]*:?))?/gm)) {
      let opt = m[2] ?? "";
      if (opt === "") {
        // long names put the option on the next line
        const rest = table.slice((m.index ?? 0) + m[0].length);
        const n = /^\s*\n\s+([A-Z][A-Za-z0-9.-]+)/.exec(rest);
        opt = n ? n[1] : "";
      }
      // the option column; not headers (From:), classes (Fw) or macros ($j)
      if (/^[A-Z][A-Za-z0-9]+(\.[a-z-]+)*$/.test(opt) && !/^(Ct|Fw|Ft|FR)$/.test(opt)) pairs.push([m[1], opt]);
    }
    expect(pairs.length).toBeGreaterThan(150);
    const dir = scratch("opts");
    const mc = join(dir, "opts.mc");
    const defs = pairs
      .filter(([conf]) => conf !== "confTIME_ZONE")
      .map(([conf], i) => `define(\`${conf}', \`v${i}x')dnl`)
      .join("\n");
    // a mail filter, so that the Milter.* options are written
    writeFileSync(mc, `divert(0)dnl\nOSTYPE(\`linux')dnl\n${defs}\nMAIL_FILTER(\`f', \`S=local:/f.sock')dnl\nMAILER(\`local')dnl\nMAILER(\`smtp')dnl\n`);
    const r = compile(M4, OUR_CF, mc, { _NO_MAKEINFO_: "" });
    expect(r.status, r.stderr).toBe(0);
    const options = new Map<string, string>();
    for (const m of r.stdout.matchAll(/^O ([A-Za-z0-9.-]+)=(.*)$/gm)) options.set(m[1].toLowerCase(), m[2]);
    const missing: string[] = [];
    pairs
      .filter(([conf]) => conf !== "confTIME_ZONE")
      .forEach(([conf, opt], i) => {
        if (options.get(opt.toLowerCase()) !== `v${i}x`) missing.push(`${conf} -> ${opt}`);
      });
    expect(missing).toEqual([]);
  });
});
