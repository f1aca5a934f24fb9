import { describe, expect, it } from "vitest";
import { cf, errs, LOCAL_MAILER } from "./helpers.js";

describe("H lines", () => {
  it("parse names, templates, mailer flag and macro conditions", () => {
    const m = cf(
      `V10/Berkeley\nH?P?Return-Path: <$g>\nHReceived: $?sfrom $s $.by $j\n\tfor $u\nH?D?Date: $a\nH?\${if_addr}?X-If: $&{if_addr}\nHX-Plain:value\n${LOCAL_MAILER}`,
    );
    expect(errs(m)).toEqual([]);
    expect(m.headers.map((h) => [h.name, h.mailerFlags, h.macroCondition, h.line])).toEqual([
      ["Return-Path", "P", null, 2],
      ["Received", "", null, 4],
      ["Date", "D", null, 5],
      ["X-If", "", "if_addr", 6],
      ["X-Plain", "", null, 7],
    ]);
    expect(m.headers[0]!.value).toBe(" <\x81g>");
    expect(m.headers[1]!.value).toBe(" \x81?sfrom \x81s \x81.by \x81j\n\tfor \x81u");
    expect(m.headers[0]!.headerFlags).toEqual(["DEFAULT", "CHECK", "ACHECK", "FORCE", "BINDLATE"]);
    expect(m.headers[4]!.headerFlags).toEqual(["DEFAULT"]);
  });

  it("supersede an earlier default of the same name (and inherit its conditions)", () => {
    const m = cf(`V10/Berkeley\nH?D?Date: $a\nHdate: $b\nHReceived: one\nHReceived: two\nH?F?From: $g\nHFrom:\n${LOCAL_MAILER}`);
    expect(m.headers.map((h) => [h.name, h.value, h.mailerFlags])).toEqual([
      ["Date", null, "D"],
      ["date", " \x81b", "D"],
      ["Received", " one", ""],
      ["Received", " two", ""],
      ["From", " \x81g", "F"],
    ]);
  });

  it("record header checks ($>Ruleset, $>+Ruleset) and enter their rulesets", () => {
    const m = cf(`V10/Berkeley\nHMessage-Id: $>CheckMessageId\nH*: $>+Default\nHX-N: $> 5\nHX-Zero: $>0\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    expect(m.headerChecks).toEqual([
      { header: "Message-Id", ruleset: "CheckMessageId", stripComments: true, line: 2 },
      { header: "*", ruleset: "Default", stripComments: false, line: 3 },
      { header: "X-N", ruleset: " 5", stripComments: true, line: 4 },
    ]);
    expect(m.rulesetNumbers.get("CheckMessageId")).toBe(199);
    expect(m.headers).toEqual([]);
  });

  it("ignore field names longer than 100 characters", () => {
    const m = cf(`V10/Berkeley\nH${"N".repeat(101)}: x\n${LOCAL_MAILER}`);
    expect(errs(m)).toEqual([]);
    expect(m.headers).toEqual([]);
  });

  const errors: [string, string][] = [
    ["HFoo bar", 'test.cf: line 2: header syntax error, line "Foo bar"'],
    ["H?P", 'test.cf: line 2: header syntax error, line "?P"'],
    ["H?P?No colon", 'test.cf: line 2: header syntax error, line "?P"'],
    ["H?$ab?X: y", 'test.cf: line 2: header syntax error, line "?\x01ab?X: y"'],
    ["H: value", 'test.cf: line 2: header syntax error, line ": value"'],
  ];
  for (const [line, want] of errors) {
    it(`error: ${line}`, () => {
      expect(errs(cf(`V10/Berkeley\n${line}\n${LOCAL_MAILER}`))).toEqual([want]);
    });
  }
});
