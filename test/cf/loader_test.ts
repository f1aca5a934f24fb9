import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultEnvironment, EX_OSFILE, loadCf, parseCf } from "../../src/cf/index.js";
import { LOCAL_MAILER, TEST_DB, TEST_ENV } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "cf-loader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadCf / parseCf", () => {
  it("loads a file synchronously into a frozen model", () => {
    const path = join(dir, "a.cf");
    writeFileSync(path, `V10/Berkeley\nDXy\nS1\nRa\tb\n${LOCAL_MAILER}`);
    const m = loadCf(path, { env: TEST_ENV, systemDatabases: TEST_DB });
    expect(m.fileName).toBe(path);
    expect(m.configLevel).toBe(10);
    expect(m.errors).toEqual([]);
    expect(m.exitStatus).toBe(0);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.mailers)).toBe(true);
    expect(Object.isFrozen(m.rulesets.get(1)!.rules[0]!.lhs)).toBe(true);
    expect(() => (m.mailers as unknown as unknown[]).push(1)).toThrow(TypeError);
  });

  it("parseCf returns the model and its errors", () => {
    const r = parseCf("V10/Berkeley\nZ\n", "x.cf", { env: TEST_ENV, systemDatabases: TEST_DB });
    expect(r.errors.map((e) => e.text)).toEqual(['x.cf: line 2: unknown configuration line "Z"', "No local mailer defined"]);
    expect(r.model.errors).toEqual(r.errors);
    expect(r.errors[0]).toEqual({
      severity: "error",
      file: "x.cf",
      line: 2,
      message: 'unknown configuration line "Z"',
      text: 'x.cf: line 2: unknown configuration line "Z"',
      exitStatus: 70,
      fatal: false,
    });
  });

  it("reports unreadable files like sendmail (EX_OSFILE)", () => {
    const missing = loadCf(join(dir, "nope.cf"), { env: TEST_ENV });
    expect(missing.errors.map((e) => [e.text, e.exitStatus, e.fatal])).toEqual([
      [`${join(dir, "nope.cf")}: line 0: cannot open: No such file or directory`, EX_OSFILE, true],
    ]);
    expect(missing.exitStatus).toBe(EX_OSFILE);
    expect(loadCf(dir, { env: TEST_ENV }).errors.map((e) => e.text)).toEqual([`${dir}: line 0: not a plain file`]);
  });

  it("stops reading at a fatal option error", () => {
    const r = parseCf(`V10/Berkeley\nO DeliveryMode=x\nZnot reached\n`, "x.cf", { env: TEST_ENV, systemDatabases: TEST_DB });
    expect(r.errors.map((e) => e.text)).toEqual(["x.cf: line 2: Unknown delivery mode x"]);
    expect(r.model.exitStatus).toBe(64);
  });

  it("never throws, whatever the input", () => {
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = "VDCFHMOPQRSKETX$#{}()[]<>@:=,;|&*+-~?.\\\"' \t\n\x81\x9b\xff0123456789abcxyz";
    for (let i = 0; i < 300; i++) {
      let text = "";
      const len = rnd(400);
      for (let j = 0; j < len; j++) text += alphabet[rnd(alphabet.length)];
      expect(() => parseCf(text, "fuzz.cf", { env: TEST_ENV, systemDatabases: TEST_DB, readClassFiles: false })).not.toThrow();
    }
  });

  it("computes a default environment from this machine", () => {
    const env = defaultEnvironment();
    expect(env.hostname.length).toBeGreaterThan(0);
    expect(env.opMode).toBe("d");
    expect(Array.isArray(env.interfaces)).toBe(true);
  });

  it.skipIf(!existsSync("/etc/mail/sendmail.cf"))("loads the Debian sendmail.cf without errors", () => {
    const m = loadCf("/etc/mail/sendmail.cf", { env: { ...TEST_ENV, opMode: "d" } });
    expect(m.errors.map((e) => e.text)).toEqual([]);
    expect(m.configLevel).toBe(10);
    expect(m.mailers.map((x) => x.name)).toEqual(["prog", "*file*", "*include*", "local", "smtp", "esmtp", "smtp8", "dsmtp", "relay"]);
    expect(m.rulesetNumbers.get("canonify")).toBe(3);
    expect(m.optionValues.get("QueueDirectory")).toEqual({ kind: "string", value: "/var/spool/mqueue" });
    expect(m.optionValues.get("MaxDaemonChildren")).toEqual({ kind: "integer", value: 0 });
    expect(m.daemons.map((d) => `${d.name} ${d.addr}:${d.port} ${d.modifiers}`)).toEqual(["MTA-v4 127.0.0.1:25 ", "MSP-v4 127.0.0.1:587 Ea"]);
    expect(m.timeouts.find((t) => t.name === "queuereturn")).toEqual({ name: "queuereturn", value: 5 * 86400 });
    expect(m.headers.find((h) => h.name === "Received")!.value).toContain("\n\t");
  });
});
