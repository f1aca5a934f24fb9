import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanfOne } from "../../src/cf/classes.js";
import { cf, errs, LOCAL_MAILER } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "cf-classes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text, "latin1");
  return p;
};

const words = (m: ReturnType<typeof cf>, name: string): string[] => [...(m.classes.get(name)?.words ?? [])];

describe("C and T lines", () => {
  it("add words; expand macros in C lines; copy classes with $=X", () => {
    const m = cf(`V10/Berkeley\nCwa b\nCW A\nCw $=W c\nC{Big} one two\nC{Big}three\nCx $j ${"${undefined}"}\nTroot daemon\nT  uucp\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    expect(words(m, "Big")).toEqual(["one", "two", "three"]);
    expect(words(m, "W")).toEqual(["a"]);
    expect(words(m, "x")).toEqual(["mx.example.test"]);
    expect(words(m, "t")).toEqual(["root", "daemon", "uucp"]);
    expect(m.trustedUsers).toEqual(["root", "daemon", "uucp"]);
    // class w: host names known before the cf, then the C lines ("a" is the spelling first entered for a/A)
    expect(words(m, "w")).toEqual(["mx.example.test", "mx", "[192.0.2.1]", "a", "b", "c"]);
    expect(m.classes.get("w")!.members.has("a")).toBe(true);
    expect(m.classDefinitions.map((d) => [d.className, d.line, d.source.kind])).toEqual([
      ["w", 2, "words"],
      ["W", 3, "words"],
      ["w", 4, "words"],
      ["Big", 5, "words"],
      ["Big", 6, "words"],
      ["x", 7, "words"],
      ["t", 8, "trusted"],
      ["t", 9, "trusted"],
    ]);
  });

  it("are case-insensitive and keep the first spelling", () => {
    const m = cf(`V10/Berkeley\nCX Example.COM\nCY example.com EXAMPLE.com\n${LOCAL_MAILER}`);
    expect(words(m, "X")).toEqual(["Example.COM"]);
    expect(words(m, "Y")).toEqual(["Example.COM"]);
  });

  it("get sendmail's built-in members after reading", () => {
    const m = cf(`V10/Berkeley\n${LOCAL_MAILER}`);
    expect(words(m, "e")).toEqual(["7bit", "8bit", "binary"]);
    expect(words(m, "n")).toEqual(["multipart/signed"]);
    expect(words(m, "s")).toEqual(["rfc822"]);
    expect(words(m, "m")).toEqual(["example.test"]);
    expect(words(m, "k")).toEqual(["mx"]);
    expect(words(m, "persistentMacros")).toEqual(["r", "s", "_", "{if_addr}", "{daemon_flags}"]);
  });

  it("add interface names after reading (load_if_names)", () => {
    const m = cf(`V10/Berkeley\nCwlocalhost\n${LOCAL_MAILER}`, {
      env: { hostname: "h.example", interfaces: [{ literal: "[127.0.0.1]", names: ["localhost", "lo.example"] }] },
    });
    expect(words(m, "w")).toEqual(["h.example", "localhost", "[127.0.0.1]", "lo.example", "[lo.example]"]);
  });
});

describe("F lines", () => {
  it("read files with a scanf format (default %s: first word of each line)", () => {
    const hosts = file("hosts", "# comment\nalpha beta\n  gamma # x\n\ndelta#epsilon\n");
    const m = cf(`V10/Berkeley\nFa ${hosts}\nFb ${hosts} %[^\\#]\nFc -o ${hosts} %s %s\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    expect(words(m, "a")).toEqual(["alpha", "gamma", "delta#epsilon"]);
    expect(words(m, "b")).toEqual(["alpha", "beta", "gamma", "delta"]);
    // sscanf() must assign exactly one conversion: only the last line qualifies
    expect(words(m, "c")).toEqual(["delta#epsilon"]);
    expect(m.classDefinitions[1]!.source).toEqual({
      kind: "file",
      path: hosts,
      optional: false,
      format: "%[^#]",
      words: ["alpha", "beta", "gamma", "delta"],
      loaded: true,
    });
  });

  it("handles optional and missing files", () => {
    const m = cf(`V10/Berkeley\nFa -o /nonexistent/x\nFb /nonexistent/y\nF{C} ${dir}\nFd\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([
      "test.cf: line 3: fileclass: cannot open '/nonexistent/y': No such file or directory",
      `test.cf: line 4: fileclass: cannot open '${dir}': Regular files only`,
      "test.cf: line 5: fileclass: missing file name",
    ]);
  });

  it("takes the program up to the first blank unless quoted", () => {
    expect(cf(`V10/Berkeley\nFp|/bin/echo one two\n${LOCAL_MAILER}`).classDefinitions[0]!.source).toMatchObject({
      kind: "program",
      command: "/bin/echo",
      argv: ["/bin/echo"],
    });
  });

  it("records programs without running them unless asked", () => {
    const text = `V10/Berkeley\nFp"|/bin/echo one two"\n${LOCAL_MAILER}`;
    expect(cf(text).classDefinitions[0]!.source).toEqual({
      kind: "program",
      command: "/bin/echo one two",
      argv: ["/bin/echo", "one", "two"],
      optional: false,
      words: [],
      ran: false,
    });
    const ran = cf(text, { runClassPrograms: true });
    expect(words(ran, "p")).toEqual(["one"]);
  });

  it("records map sources (key@class:spec)", () => {
    const m = cf(`V10/Berkeley\nF{V}@ldap:-k (&(objectClass=x)) -v host\nF{M}foo@text:-o /nonexistent\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    expect(m.classDefinitions.map((d) => d.source)).toEqual([
      { kind: "map", key: "", mapClass: "ldap", spec: "-k (&(objectClass=x)) -v host", optional: false, words: [], loaded: false },
      { kind: "map", key: "foo", mapClass: "text", spec: "-o /nonexistent", optional: false, words: [], loaded: false },
    ]);
  });

  const errors: [string, string[]][] = [
    ["F{M}@hash:/nonexistent/map", ['test.cf: line 2: hash map "M": missing map file /nonexistent/map.db: No such file or directory', "test.cf: line 2: fileclass: F{M}: map open failed"]],
    ["F{M}@hash:-o /nonexistent/map", []],
    ["F{N}key@nosuchclass:foo", ["test.cf: line 2: fileclass: F{N}: class nosuchclass not available"]],
    ["F{O}key@hash", ["test.cf: line 2: fileclass: cannot open 'key@hash': No such file or directory"]],
    ['Fq "unterminated', [`test.cf: line 2: illegal filename '"unterminated'`]],
  ];
  for (const [line, want] of errors) {
    it(`error: ${line}`, () => {
      expect(errs(cf(`V10/Berkeley\n${line}\n${LOCAL_MAILER}`))).toEqual(want);
    });
  }
});

describe("scanf formats", () => {
  const cases: [string, string, string | null][] = [
    ["alpha beta\n", "%s", "alpha"],
    ["  alpha\n", "%s", "alpha"],
    ["\n", "%s", null],
    ["user:x:1:1::/home:/bin/sh\n", "%[^:]", "user"],
    [":x\n", "%[^:]", null],
    ["a#b\n", "%[^#]", "a"],
    ["key value\n", "%*s %s", "value"],
    ["abc\n", "%2s", "ab"],
    ["x=1\n", "x=%s", "1"],
    ["y=1\n", "x=%s", null],
    ["a b\n", "%s %s", null],
    ["hello\n", "%[a-z]", "hello"],
  ];
  for (const [input, fmt, want] of cases) {
    it(`${JSON.stringify(input)} with ${fmt}`, () => {
      expect(scanfOne(input, fmt)).toBe(want);
    });
  }
});
