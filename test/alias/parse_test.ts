/*
 * parse_test - reading aliases(5) files like sendmail's readaliases()
 * (table-driven; the oracle suite re-checks the same files against
 * Debian's newaliases).
 */

import { describe, expect, it } from "vitest";
import { aliasKey, parseAliases } from "../../src/alias/parse.js";

/** Entries as "key=value@line" and diagnostics as "!line:text". */
function run(text: string): string[] {
  const p = parseAliases(text, { isLocalDomain: (d) => d === "localhost" || d === "mx.example" });
  return [...p.entries.map((e) => `${e.key}=${e.value}@${e.line}`), ...p.diagnostics.map((d) => `!${d.line}:${d.text}`)];
}

const cases: Array<{ name: string; text: string; want: string[] }> = [
  { name: "simple", text: "postmaster: root\n", want: ["postmaster=root@1"] },
  { name: "names fold, values keep case", text: "MAILER-DAEMON: PostMaster\n", want: ["mailer-daemon=PostMaster@1"] },
  {
    name: "continuation lines keep their leading white space",
    text: "staff: alice, bob,\n   carol\n\t, dave@example.com\nnext: x\n",
    want: ["staff=alice, bob,   carol\t, dave@example.com@3", "next=x@4"],
  },
  { name: "a comment ends an entry", text: "w: a,\n#c\n  b\nv:v\n", want: ["w=a,@1", "v=v@4"] },
  { name: "an empty line ends an entry", text: "x: a\n\n\tc\n", want: ["x=a@1", "!3:Non-continuation line starts with space"] },
  { name: "leading white space at the top", text: "\tlead: x\n  more\n", want: ["!1:Non-continuation line starts with space"] },
  { name: "white space after a comment is skipped silently", text: "# c\n lead\n", want: [] },
  { name: "programs, files, includes, backslash", text: 'p: "|/usr/bin/vacation alice"\nf: /var/log/archive\ni: :include:/etc/mail/lists/i\nn: \\root\n', want: ['p="|/usr/bin/vacation alice"@1', "f=/var/log/archive@2", "i=:include:/etc/mail/lists/i@3", "n=\\root@4"] },
  { name: "owner- and -request names", text: "owner-list: alice\nlist-request: bob\nlist: a, b\n", want: ["owner-list=alice@1", "list-request=bob@2", "list=a, b@3"] },
  { name: "blank before the colon, blanks after it", text: "a4 :   spaced\ntab:\tvalue\t\n", want: ["a4=spaced@1", "tab=value\t@2"] },
  { name: "the value runs to the end of the line", text: "y1: q # not comment\ntrail: x   \n", want: ["y1=q # not comment@1", "trail=x   @2"] },
  { name: "first colon splits", text: "colon:: z\n", want: ["colon=: z@1"] },
  { name: "missing colon", text: "nocolon here\n", want: ["!1:missing colon"] },
  { name: "missing value", text: "e:\na6:\t \nempty:\n  \n", want: ["!1:e:... missing value for alias", "!2:a6:\t ... missing value for alias", "!4:empty:  ... missing value for alias"] },
  { name: "empty name", text: ":noname\n", want: ["!1::noname... illegal alias name"] },
  { name: "local and remote domains", text: "user@localhost: a\nu@mx.example: b\nuser@example.com: c\n", want: ["user=a@1", "u=b@2", "!3:user@example.com... cannot alias non-local names"] },
  { name: "no final newline", text: "nonl: last", want: ["nonl=last@1"] },
  { name: "CRLF keeps the CR in the value", text: "a: b\r\n", want: ["a=b\r@1"] },
];

describe("aliases file parsing", () => {
  for (const c of cases) it(c.name, () => expect(run(c.text)).toEqual(c.want));
});

describe("alias names", () => {
  const names: Array<[string, string]> = [
    ["Root", "root"],
    ["sp ace", "sp.ace"],
    ['"quoted name"', '"quoted name"'],
    ['"a:b"', "a:b"],
    ["w (comment)", "w"],
    ["<angle>", "angle"],
    ["UPPER@LocalHost", "upper"],
  ];
  for (const [lhs, key] of names) it(lhs, () => expect(aliasKey(lhs, (d) => d === "localhost")).toEqual({ key }));
});
