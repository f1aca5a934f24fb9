import { describe, expect, it } from "vitest";
import { parseCf } from "../../src/cf/index.js";
import { cf, errs, LOCAL_MAILER, TEST_DB, TEST_ENV } from "./helpers.js";

describe("V lines", () => {
  const cases: [string, number, string, string[]][] = [
    ["V10/Berkeley", 10, "Berkeley", []],
    ["V10/berkeley", 10, "Berkeley", []],
    ["V 6", 6, "Berkeley", ["Warning: .cf file is out of date: sendmail 8.17.1.9 supports version 10, .cf file is version 6"]],
    ["V10/Sun", 10, "Berkeley", ['test.cf: line 1: invalid V line vendor code: "Sun"']],
    ["Vabc", 0, "Berkeley", ['test.cf: line 1: invalid argument to V line: "abc"', "Warning: .cf file is out of date: sendmail 8.17.1.9 supports version 10, .cf file is version 0"]],
    ["V10 /Berkeley", 10, "Berkeley", []],
  ];
  for (const [line, level, vendor, want] of cases) {
    it(line, () => {
      const m = cf(`${line}\n${LOCAL_MAILER}`);
      expect([m.configLevel, m.vendor, errs(m)]).toEqual([level, vendor, want]);
    });
  }
});

describe("P lines", () => {
  it("define precedences", () => {
    const m = cf(`V10/Berkeley\nPfirst-class=0\nPspecial-delivery=100\nPlist=-30\nPjunk=x\n${LOCAL_MAILER}`);
    expect(m.precedences).toEqual([
      { name: "first-class", value: 0, line: 2 },
      { name: "special-delivery", value: 100, line: 3 },
      { name: "list", value: -30, line: 4 },
      { name: "junk", value: 0, line: 5 },
    ]);
  });
  it("need '=' and stop at 25", () => {
    const many = Array.from({ length: 26 }, (_, i) => `Pp${i}=${i}\n`).join("");
    expect(errs(cf(`V10/Berkeley\nPnoequals\n${many}${LOCAL_MAILER}`))).toEqual([
      'test.cf: line 2: unknown configuration line "Pnoequals"',
      "test.cf: line 28: too many P lines, 25 max",
    ]);
  });
});

describe("E lines", () => {
  it("set or import environment variables", () => {
    const m = cf(`V10/Berkeley\nEPATH=/bin:/usr/bin\nETZ\nEX=a=b\n${LOCAL_MAILER}`);
    expect(m.environment).toEqual([
      { name: "PATH", value: "/bin:/usr/bin", line: 2 },
      { name: "TZ", value: null, line: 3 },
      { name: "X", value: "a=b", line: 4 },
    ]);
  });
});

describe("line structure", () => {
  it("folds continuation lines and counts physical lines", () => {
    const m = cf(`V10/Berkeley\nS1\nR$*\n\t$@ $1\n\nZbad\n${LOCAL_MAILER}`);
    expect(m.rulesets.get(1)!.rules[0]!.line).toBe(4);
    expect(errs(m)).toEqual(['test.cf: line 6: unknown configuration line "Zbad"']);
  });

  it("handles CRLF, a missing final newline and NUL octets", () => {
    const m = cf(`V10/Berkeley\r\nDAx\ry\r\nDBa\x00b\r\n${LOCAL_MAILER}Zlast`);
    expect(m.macros.get("A")!.value).toBe("x\ry");
    expect(m.macros.get("B")!.value).toBe("a");
    expect(errs(m)).toEqual(['test.cf: line 4: unknown configuration line "Zlast"']);
  });

  it("treats a leading continuation as an unknown line and ignores comments", () => {
    const m = cf(`  x\n# comment\n#\nV10/Berkeley\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual(['test.cf: line 1: unknown configuration line "  x"']);
  });

  it("shortens long file names to 83 characters in messages", () => {
    const long = "/" + "d".repeat(100) + ".cf";
    const m = parseCf(`V10/Berkeley\nZ\n${LOCAL_MAILER}`, long, { env: TEST_ENV, systemDatabases: TEST_DB }).model;
    expect(m.errors[0]!.text).toBe(`${long.slice(0, 40)}...${long.slice(-40)}: line 2: unknown configuration line "Z"`);
    expect(m.errors[0]!.file).toBe(long);
  });

  it("reports unknown line types with the translated text (7-bit)", () => {
    expect(errs(cf(`V10/Berkeley\nL$x\xe9\n${LOCAL_MAILER}`))).toEqual(['test.cf: line 2: unknown configuration line "L\x01xi"']);
  });

});
