/*
 * tutorial_test - the access, virtusertable and mailertable examples of
 * sendmail's cf/README and the classic tutorials, built with our makemap
 * and looked up as the rulesets will (key folding, %n arguments through
 * mapRewrite). Real sendmail's answers for the same kind of maps are
 * checked in sendmail_lookup_test.
 */

import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openMap } from "../../src/map/map.js";
import { mapRewrite } from "../../src/map/rewrite.js";
import { ourMakemap, scratch } from "./helpers.js";

const tmp = scratch("tutorial-");
afterAll(() => tmp.cleanup());

const ACCESS = `# access: tags Connect:, From:, To:
Connect:localhost.localdomain\tRELAY
Connect:127.0.0.1\tRELAY
From:spammer@aol.com\tREJECT
From:cyberspammer.com\tREJECT
From:okay.cyberspammer.com\tOK
Connect:sendmail.org\tRELAY
To:sendmail.org\tRELAY
Connect:128.32\tRELAY
Connect:IPv6:1:2:3:4:5:6:7\tRELAY
From:nobody@\tERROR:"550 We don't accept mail from nobody"
To:spam@\tDISCARD
From:bad.domain\tERROR:550 Bad domain
Connect:1.2.3\tSKIP
`;

const VIRTUSER = `info@foo.com\tfoo-info
info@bar.com\tbar-info
joe@bar.com\terror:nouser 550 No such user here
jax@bar.com\terror:5.7.0:550 Address invalid
@baz.org\tjane@example.net
@foo.org\t%1@example.com
old+*@foo.org\tnew+%2@example.com
+*@foo.org\t%1%3@example.com
`;

const MAILERTABLE = `.my.domain\txnet:%1.my.domain
uucp-host\tuucp:%1
.bitnet\tsmtp:relay.bit.net
[127.0.0.1]\tsmtp:[127.0.0.1]
vangogh.CS.Berkeley.EDU\tsmtp:vangogh.cs.berkeley.edu
.\tsmtp:smarthost.example
local.example\tlocal:
err.example\terror:5.1.2:550 Host unknown
`;

/** Build map `name` from text with our makemap; returns its base path. */
function build(name: string, text: string, type = "hash"): string {
  const base = join(tmp.dir, name);
  const r = ourMakemap([type, base], text);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return base;
}

/** A lookup and what the rule gets back (null: no match). */
type Case = [key: string, args: string[], want: string | null];

/** Look every case up in a map of the type. */
function check(type: "hash" | "btree" | "cdb", base: string, cases: Case[]): void {
  const m = openMap(type, base, { watch: false });
  try {
    for (const [key, args, want] of cases) {
      const r = m.lookup(key);
      expect(r.kind === "found" ? mapRewrite(r.value, key, args) : null, key).toBe(want);
    }
  } finally {
    m.close();
  }
}

describe.each(["hash", "btree", "cdb"] as const)("classic maps as %s", (type) => {
  it("access", () => {
    check(type, build(`access-${type}`, ACCESS, type), [
      ["Connect:127.0.0.1", [], "RELAY"],
      ["connect:LOCALHOST.localdomain", [], "RELAY"],
      ["From:spammer@aol.com", [], "REJECT"],
      ["From:cyberspammer.com", [], "REJECT"],
      ["From:okay.cyberspammer.com", [], "OK"],
      ["To:sendmail.org", [], "RELAY"],
      ["Connect:128.32", [], "RELAY"],
      ["Connect:IPv6:1:2:3:4:5:6:7", [], "RELAY"],
      ["From:nobody@", [], `ERROR:"550 We don't accept mail from nobody"`],
      ["To:spam@", [], "DISCARD"],
      ["From:bad.domain", [], "ERROR:550 Bad domain"],
      ["Connect:1.2.3", [], "SKIP"],
      ["Connect:1.2.3.4", [], null],
      ["From:aol.com", [], null],
    ]);
  });

  it("virtusertable", () => {
    check(type, build(`virtuser-${type}`, VIRTUSER, type), [
      ["info@foo.com", [], "foo-info"],
      ["INFO@BAR.COM", [], "bar-info"],
      ["joe@bar.com", [], "error:nouser 550 No such user here"],
      ["jax@bar.com", [], "error:5.7.0:550 Address invalid"],
      ["@baz.org", ["anyone"], "jane@example.net"],
      ["@foo.org", ["someone"], "someone@example.com"],
      ["old+*@foo.org", ["old", "detail", "+detail"], "new+detail@example.com"],
      ["+*@foo.org", ["user", "ext", "+ext"], "user+ext@example.com"],
      ["someone@foo.org", [], null],
    ]);
  });

  it("mailertable", () => {
    check(type, build(`mailertable-${type}`, MAILERTABLE, type), [
      [".my.domain", ["host"], "xnet:host.my.domain"],
      ["uucp-host", ["user"], "uucp:user"],
      [".bitnet", [], "smtp:relay.bit.net"],
      ["[127.0.0.1]", [], "smtp:[127.0.0.1]"],
      ["VANGOGH.cs.berkeley.edu", [], "smtp:vangogh.cs.berkeley.edu"],
      [".", [], "smtp:smarthost.example"],
      ["local.example", [], "local:"],
      ["err.example", [], "error:5.1.2:550 Host unknown"],
      ["other.example", [], null],
    ]);
  });
});

describe("mapRewrite", () => {
  const cases: Array<[string, string, string[], string]> = [
    ["a%%b%xc%1d%0e%9f%", "KEY", ["ARG1", "ARG2"], "a%b%xcARG1dKEYef%"],
    ["a%%b%xc%1d%0e%9f%", "KEY", [], "a%b%xcdKEYef%"],
    ["%", "k", [], "%"],
    ["%1%3@example.com", "k", ["user", "x", "+x"], "user+x@example.com"],
  ];
  for (const [v, k, a, want] of cases) it(JSON.stringify([v, a]), () => expect(mapRewrite(v, k, a)).toBe(want));
});
