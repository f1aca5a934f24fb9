import { describe, expect, it } from "vitest";
import { cf, errs, LOCAL_MAILER } from "./helpers.js";

describe("K lines", () => {
  it("keep name, class and arguments as argv; parse generic flags", () => {
    const m = cf(`V10/Berkeley\nKaccess hash -T<TMPF> -o /etc/mail/access\nKresolve host -a<OKR> -T<TEMP>\nKarith arith\nDXvalue\nKmac$X text -z: -k 0 -v1 /etc/passwd rebuild args\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    const byName = new Map(m.maps.map((x) => [x.name, x]));
    expect(byName.get("access")).toMatchObject({
      mapClass: "hash",
      argv: ["-T<TMPF>", "-o", "/etc/mail/access"],
      valid: true,
      builtin: false,
      line: 2,
      parsed: { flags: "o", tempfailAppend: "<TMPF>", file: "/etc/mail/access", append: null, rebuild: null },
    });
    expect(byName.get("resolve")).toMatchObject({ mapClass: "host", argv: ["-a<OKR>", "-T<TEMP>"], parsed: null });
    expect(byName.get("arith")).toMatchObject({ mapClass: "arith", argv: [] });
    expect(byName.get("macvalue")).toMatchObject({
      parsed: { columnDelimiter: ":", keyColumn: "0", valueColumn: "1", file: "/etc/passwd", rebuild: "rebuild args" },
    });
  });

  it("add the built-in host and alias maps after reading", () => {
    const m = cf(`V10/Berkeley\n${LOCAL_MAILER}`, { serviceSwitchFile: "/nonexistent" });
    expect(m.maps.filter((x) => x.builtin).map((x) => [x.name, x.mapClass, x.argv])).toEqual([
      ["host", "host", ["-a.", "-D"]],
      ["aliases.files", "null", []],
      ["aliases", "switch", ["aliases"]],
    ]);
  });

  it("redefinition replaces a map (names are case-insensitive)", () => {
    const m = cf(`V10/Berkeley\nKfoo hash /a\nKFOO btree /b\n${LOCAL_MAILER}`);
    expect(m.maps.filter((x) => !x.builtin).map((x) => [x.name, x.mapClass])).toEqual([["FOO", "btree"]]);
  });

  it("quote-aware argv for ldap maps", () => {
    const m = cf(`V10/Berkeley\nKl ldap -k "(&(uid=%0) (x=y))" -v mail\n${LOCAL_MAILER}`);
    expect(m.maps.find((x) => x.name === "l")!.argv).toEqual(["-k", "(&(uid=%0) (x=y))", "-v", "mail"]);
  });

  const errors: [string, string[]][] = [
    ["K", ["test.cf: line 2: readcf: config K line: no map name"]],
    ["K_bad hash /x", ["test.cf: line 2: readcf: config K line: no map name"]],
    ["Kfoo", ["test.cf: line 2: readcf: config K line, map foo: no map class"]],
    ["Kfoo nosuch /x", ["test.cf: line 2: readcf: map foo: class nosuch not available"]],
    ["Kfoo dbm /x", ["test.cf: line 2: readcf: map foo: class dbm not available"]],
    ["Kfoo hash", ["test.cf: line 2: No file name for hash map foo"]],
    ["Kfoo hash -X /x", ["test.cf: line 2: Illegal option X map foo"]],
    ["Kfoo user", []],
    ["Kfoo sequence a b", ["test.cf: line 2: Sequence map foo: unknown member map a", "test.cf: line 2: Sequence map foo: unknown member map b"]],
    ["Kfoo ldap -v x", ["test.cf: line 2: No filter given in map foo"]],
  ];
  for (const [line, want] of errors) {
    it(`error: ${line}`, () => {
      expect(errs(cf(`V10/Berkeley\n${line}\n${LOCAL_MAILER}`))).toEqual(want);
    });
  }
});
