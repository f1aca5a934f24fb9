import { describe, expect, it } from "vitest";
import { convtime, lookupOption, OPTION_TABLE, type CfOptionValue } from "../../src/cf/index.js";
import { cf, errs, LOCAL_MAILER } from "./helpers.js";

function opt(line: string): { value: CfOptionValue | undefined; errors: string[]; model: ReturnType<typeof cf> } {
  const model = cf(`V10/Berkeley\n${line}\n${LOCAL_MAILER}`);
  const value = model.options.length > 0 ? model.options[model.options.length - 1]!.value : undefined;
  return { value, errors: errs(model), model };
}

describe("convtime", () => {
  const cases: [string, string, number][] = [
    ["5d4h", "m", 5 * 86400 + 4 * 3600],
    ["2w", "m", 14 * 86400],
    ["90", "s", 90],
    ["90", "m", 5400],
    ["3", "d", 3 * 86400],
    ["1h30m15s", "m", 5415],
    ["now", "m", -1],
    ["-5m", "m", -300],
    ["", "m", 0],
  ];
  for (const [text, unit, seconds] of cases) {
    it(`${text} (default ${unit})`, () => {
      expect(convtime(text, unit, null)).toBe(seconds);
    });
  }
});

describe("option names", () => {
  it("has sendmail 8.17's table in -bO order", () => {
    expect(OPTION_TABLE).toHaveLength(148);
    expect(OPTION_TABLE[0]!.name).toBe("SevenBitInput");
    expect(OPTION_TABLE[OPTION_TABLE.length - 1]!.name).toBe("CipherSuites");
  });
  const cases: [string, ReturnType<typeof lookupOption>][] = [
    ["LogLevel", { option: OPTION_TABLE.find((o) => o.name === "LogLevel")!, abbreviated: false }],
    ["loglevel", { option: OPTION_TABLE.find((o) => o.name === "LogLevel")!, abbreviated: false }],
    ["Delivery", { option: OPTION_TABLE.find((o) => o.name === "DeliveryMode")!, abbreviated: true }],
    ["Deli", { error: "ambiguous", first: "DeliveryMode", second: "DeliverByMin" }],
    ["Tim", { error: "ambiguous", first: "Timeout", second: "TimeZoneSpec" }],
    ["T", { error: "ambiguous", first: "TempFileMode", second: "Timeout" }],
    ["Nope", { error: "unknown" }],
  ];
  for (const [name, want] of cases) {
    it(name, () => {
      expect(lookupOption(name)).toEqual(want);
    });
  }
});

describe("typed option values", () => {
  const cases: [string, CfOptionValue][] = [
    ["O SevenBitInput=False", { kind: "boolean", value: false }],
    ["O SevenBitInput", { kind: "boolean", value: true }],
    ["O HoldExpensive=yes", { kind: "boolean", value: true }],
    ["O LogLevel=9", { kind: "integer", value: 9 }],
    ["OL12", { kind: "integer", value: 12 }],
    ["O MaxMessageSize=10000000", { kind: "size", value: 10000000, unit: "bytes" }],
    ["O MinFreeBlocks=100", { kind: "minFreeBlocks", minFreeBlocks: 100, maxMessageSize: null }],
    ["O MinFreeBlocks=100/2000", { kind: "minFreeBlocks", minFreeBlocks: 100, maxMessageSize: 2000 }],
    ["O AliasWait=10", { kind: "duration", seconds: 600 }],
    ["O ConnectionCacheTimeout=5m", { kind: "duration", seconds: 300 }],
    ["O DialDelay=30", { kind: "duration", seconds: 30 }],
    ["O RejectLogInterval=2", { kind: "duration", seconds: 7200 }],
    ["O MinQueueAge=5d4h", { kind: "duration", seconds: 446400 }],
    ["O QueueFileMode=0640", { kind: "octal", value: 0o640 }],
    ["O TempFileMode=0600", { kind: "octal", value: 0o600 }],
    ["O BlankSub=.", { kind: "char", value: "." }],
    ["O BlankSub", { kind: "char", value: " " }],
    ["O DeliveryMode=background", { kind: "enum", value: "background" }],
    ["O DeliveryMode=q", { kind: "enum", value: "queue" }],
    ["O SuperSafe=True", { kind: "enum", value: "true" }],
    ["O SuperSafe=interactive", { kind: "enum", value: "interactive" }],
    ["O QueueSortOrder=host", { kind: "enum", value: "host" }],
    ["O EightBitMode=pass8", { kind: "enum", value: "pass8" }],
    ["O ErrorMode=m", { kind: "enum", value: "mail" }],
    ["O NoRecipientAction=add-to", { kind: "enum", value: "add-to" }],
    ["O DontProbeInterfaces=loopback", { kind: "enum", value: "loopback" }],
    ["O HelpFile=/etc/mail/helpfile", { kind: "string", value: "/etc/mail/helpfile" }],
    ["O HelpFile", { kind: "string", value: "helpfile" }],
    ["O StatusFile", { kind: "string", value: "statistics" }],
    ["O QueueDirectory=/var/spool/mqueue", { kind: "string", value: "/var/spool/mqueue" }],
    ["O SafeFileEnvironment=/var/safe//", { kind: "string", value: "/var/safe" }],
    ["O MustQuoteChars=.'", { kind: "string", value: "@,;:\\()[].'" }],
    ["O UnixFromLine=From $g", { kind: "string", value: "From \x81g" }],
    ["O SmtpGreetingMessage=\"a, b\" \\n", { kind: "string", value: "a, b \n" }],
    ["O CACertFile=/etc/$j.pem", { kind: "string", value: "/etc/mx.example.test.pem" }],
    [
      "O PrivacyOptions=needmailhelo,needexpnhelo, authwarnings",
      { kind: "flags", flags: ["needmailhelo", "needexpnhelo", "authwarnings"] },
    ],
    ["O DontBlameSendmail=,AssumeSafeChown,TrustStickyBit", { kind: "flags", flags: ["assumesafechown", "truststickybit"] }],
    ["O AuthOptions=A,p y", { kind: "flags", flags: ["A", "p", "y"] }],
    ["O AuthMechanisms=GSSAPI DIGEST-MD5 CRAM-MD5", { kind: "list", items: ["GSSAPI", "DIGEST-MD5", "CRAM-MD5"] }],
    ["O InputMailFilters=a;b, c", { kind: "list", items: ["a", "b", "c"] }],
    ["O ResolverOptions=+WorkAroundBrokenAAAA -dnsrch", { kind: "resolver", items: [{ name: "WorkAroundBrokenAAAA", set: true }, { name: "dnsrch", set: false }] }],
    ["O DefaultUser=mail:mail", { kind: "user", user: "mail", uid: 8, group: "mail", gid: 8 }],
    ["O DefaultUser=1001", { kind: "user", user: "1001", uid: 1001, group: null, gid: null }],
    ["O DefaultUser=user1.staff", { kind: "user", user: "user1", uid: 2001, group: "staff", gid: 50 }],
    ["O RunAsUser=2001:2002", { kind: "user", user: "2001", uid: 2001, group: "2002", gid: 2002 }],
    ["O TrustedUser=mail", { kind: "user", user: "mail", uid: 8, group: null, gid: null }],
    ["O MaxMimeHeaderLength=2048/1024", { kind: "mimeHeaderLength", headerLength: 2048, fieldLength: 1024 }],
    ["O MaxMimeHeaderLength=2048", { kind: "mimeHeaderLength", headerLength: 2048, fieldLength: 1024 }],
    ["O ConnectOnlyTo=25@127.0.0.1", { kind: "connectOnlyTo", address: "127.0.0.1", family: "inet", port: 25 }],
    ["O ConnectOnlyTo=::1", { kind: "connectOnlyTo", address: "::1", family: "inet6", port: null }],
    ["O Timeout.queuereturn=5d", { kind: "timeouts", values: [{ name: "queuereturn", value: 432000 }] }],
    ["O Timeout.queuewarn=4", { kind: "timeouts", values: [{ name: "queuewarn", value: 14400 }] }],
    ["O Timeout.ident=5s", { kind: "timeouts", values: [{ name: "ident", value: 5 }] }],
    ["O Timeout.resolver.retry=3", { kind: "timeouts", values: [{ name: "resolver.retry", value: 3 }] }],
    ["O QueueTimeout=5d/4h", { kind: "timeouts", values: [{ name: "queuewarn", value: 14400 }, { name: "queuereturn", value: 432000 }] }],
    ["OM{MyMacro}value", { kind: "macro", name: "MyMacro", value: "value" }],
    ["O Milter.LogLevel=3", { kind: "milter", subOption: "LogLevel", value: 3 }],
    ["O Milter.macros.connect=j, _, {daemon_name}", { kind: "milter", subOption: "macros.connect", value: ["j", "_", "{daemon_name}"] }],
    ["O ServerSSLOptions=+SSL_OP_NO_SSLv2 -0x4", { kind: "sslOptions", items: [{ name: "SSL_OP_NO_SSLv2", clear: false, known: true }, { name: "0x4", clear: true, known: true }] }],
    ["O DirectSubmissionModifiers=Cf", { kind: "string", value: "CC f" }],
    ["O AliasFile=/etc/mail/aliases", { kind: "aliasFiles", specs: [{ mapClass: "implicit", spec: "/etc/mail/aliases" }] }],
    ["O AliasFile=hash:/a, ldap:-k x", { kind: "aliasFiles", specs: [{ mapClass: "hash", spec: "/a" }, { mapClass: "ldap", spec: "-k x" }] }],
  ];
  for (const [line, want] of cases) {
    it(line, () => {
      const r = opt(line);
      expect(r.errors).toEqual([]);
      expect(r.value).toEqual(want);
    });
  }

  it("keeps DaemonPortOptions as key=value records with typed fields", () => {
    const m = cf(
      "V10/Berkeley\nO DaemonPortOptions=Family=inet,  Name=MTA-v4, Port=smtp, Addr=127.0.0.1\n" +
        "O DaemonPortOptions=Family=inet, Name=MSP-v4, Port=submission, M=Ea, Addr=127.0.0.1\n" +
        "O DaemonPortOptions=Family=inet6, Port=2525, Listen=20\n" +
        LOCAL_MAILER,
    );
    expect(errs(m)).toEqual([]);
    expect(m.daemons.map((d) => [d.name, d.family, d.addr, d.port, d.modifiers, d.modifierFlags, d.listenQueue])).toEqual([
      ["MTA-v4", "inet", "127.0.0.1", 25, "", "", 10],
      ["MSP-v4", "inet", "127.0.0.1", 587, "Ea", "EE a", 10],
      ["Daemon2", "inet6", null, 2525, "", "", 20],
    ]);
    expect(m.daemons[0]!.pairs).toEqual([
      { key: "Family", value: "inet" },
      { key: "Name", value: "MTA-v4" },
      { key: "Port", value: "smtp" },
      { key: "Addr", value: "127.0.0.1" },
    ]);
    const merged = m.optionValues.get("DaemonPortOptions");
    expect(merged?.kind === "portOptions" && merged.ports.length).toBe(3);
  });

  it("defaults to Daemon0 without DaemonPortOptions", () => {
    const m = cf(`V10/Berkeley\n${LOCAL_MAILER}`);
    expect(m.daemons.map((d) => d.name)).toEqual(["Daemon0"]);
  });

  it("keeps ClientPortOptions per family", () => {
    const m = cf(`V10/Berkeley\nO ClientPortOptions=Family=inet, Addr=192.0.2.1\nO ClientPortOptions=Family=inet6, M=h\n${LOCAL_MAILER}`);
    expect(m.clients.map((c) => [c.name, c.family, c.addr, c.modifiers])).toEqual([
      ["Client2", "inet", "192.0.2.1", ""],
      ["Client10", "inet6", null, "h"],
    ]);
  });

  it("accumulates flag options and timeouts", () => {
    const m = cf(
      `V10/Berkeley\nO PrivacyOptions=goaway\nO PrivacyOptions=noetrn\nO DontBlameSendmail=GroupWritableAliasFile\nO DontBlameSendmail=safe\n` +
        `O Timeout.mail=2m\nO Timeout.rset=1m\nO QueueTimeout=3d\n${LOCAL_MAILER}`,
    );
    expect(m.optionValues.get("PrivacyOptions")).toEqual({ kind: "flags", flags: ["goaway", "noetrn"] });
    expect(m.optionValues.get("DontBlameSendmail")).toEqual({ kind: "flags", flags: [] });
    expect(m.timeouts).toEqual([
      { name: "mail", value: 120 },
      { name: "rset", value: 60 },
      { name: "queuereturn", value: 259200 },
    ]);
  });

  it("records short names, abbreviations and suboptions", () => {
    const m = cf(`V10/Berkeley\nOL9\nO Delivery=i\nO Timeout.helo=5m\n${LOCAL_MAILER}`);
    expect(m.options.map((o) => [o.name, o.shortName, o.writtenName, o.subOption])).toEqual([
      ["LogLevel", "L", null, null],
      ["DeliveryMode", "d", "Delivery", null],
      ["Timeout", "r", null, "helo"],
    ]);
    expect(errs(m)).toEqual(["test.cf: line 3: Option Delivery used as abbreviation for DeliveryMode"]);
    expect(m.errors[0]!.severity).toBe("notice");
  });
});

describe("option errors (sendmail's wording)", () => {
  const cases: [string, string[], number?][] = [
    ["O FooBar=1", ["test.cf: line 2: readcf: unknown option name FooBar"]],
    ["OW", ["test.cf: line 2: readcf: unknown option name 0x57"]],
    ["O =x", ["test.cf: line 2: readcf: null option name"]],
    ["O Tim=5m", ["test.cf: line 2: readcf: ambiguous option name Tim (matches Timeout and TimeZoneSpec)"]],
    ["O Timeout.bogus=5m", ["test.cf: line 2: settimeout: invalid timeout bogus"]],
    ["O MinQueueAge=5x", ["test.cf: line 2: Invalid time unit `x'"]],
    ["O DefaultUser=nobody9", ["test.cf: line 2: readcf: option u: unknown user nobody9"]],
    ["O DefaultUser=mail:nogroup", ["test.cf: line 2: readcf: option u: unknown group nogroup"]],
    ["O RunAsUser=nobody9", ["test.cf: line 2: readcf: option RunAsUser: unknown user nobody9"]],
    ["O TrustedUser=nobody9", ["test.cf: line 2: readcf: option TrustedUser: unknown user nobody9"]],
    ["O PrivacyOptions=bogus", ["test.cf: line 2: readcf: Op line: bogus unrecognized"]],
    ["O DontBlameSendmail=bogus", ["test.cf: line 2: readcf: DontBlameSendmail option: bogus unrecognized"]],
    ["O QueueSortOrder=zz", ['test.cf: line 2: Invalid queue sort order "zz"']],
    ["O NoRecipientAction=zz", ["test.cf: line 2: Invalid NoRecipientAction: zz"]],
    ["O ConnectOnlyTo=foo", ["test.cf: line 2: readcf: option ConnectOnlyTo: invalid IP address foo"]],
    ["O ConnectOnlyTo=70000@1.2.3.4", ["test.cf: line 2: readcf: option ConnectOnlyTo: invalid port 70000"]],
    ["O ResolverOptions=+bogus", ["test.cf: line 2: readcf: I option value bogus unrecognized"]],
    ["O ServerSSLOptions=+BOGUS", ["test.cf: line 2: readcf: ServerSSLOptions option value BOGUS unrecognized"]],
    ["O Milter", ["test.cf: line 2: milter_set_option: invalid Milter option, must specify suboption"]],
    ["O Milter.bogus=1", ["test.cf: line 2: milter_set_option: invalid Milter option bogus"]],
    ["O SmtpUTF8=true", ["test.cf: line 2: readcf: option: SmtpUTF8 set but no USE_EAI support"]],
    ["O SmtpUTF8=false", ["Warning: Option: SmtpUTF8 requires USE_EAI support"]],
    ["O MaxHeadersLength=100", ["Warning: MaxHeadersLength: headers length limit set lower than 16384"]],
    ["O AuthOptions=z", ["Warning: Option: AuthOptions unknown parameter 'z'"]],
    ["O DaemonPortOptions=Family=bogus", ["test.cf: line 2: Unknown address family bogus in Family=option"]],
    ["O DaemonPortOptions=Zork=1", ['test.cf: line 2: PortOptions parameter "Zork=1" unknown']],
    ["O DaemonPortOptions=Port=nosuch", ['test.cf: line 2: service "nosuch" unknown']],
    ["O DaemonPortOptions=Addr=unknown.invalid", ['test.cf: line 2: host "unknown.invalid" unknown']],
    ["O DaemonPortOptions=Family=local, Port=25", ["test.cf: line 2: Port= option unsupported for family 1"]],
    ["O EightBitMode=x", ["test.cf: line 2: Unknown 8-bit mode x"], 64],
    ["O DeliveryMode=z", ["test.cf: line 2: Unknown delivery mode z"], 64],
  ];
  for (const [line, want, status] of cases) {
    it(line, () => {
      const m = cf(`V10/Berkeley\n${line}\n${LOCAL_MAILER}`);
      expect(errs(m)).toEqual(want);
      if (status !== undefined) {
        expect(m.exitStatus).toBe(status);
        expect(m.errors.at(-1)!.fatal).toBe(true);
        expect(m.mailers.some((x) => x.name === "local")).toBe(false);
      }
    });
  }

  it("sets EX_SOFTWARE for errors without errno, EX_OSERR with one", () => {
    expect(cf(`V10/Berkeley\nO FooBar=1\n${LOCAL_MAILER}`).exitStatus).toBe(70);
    expect(cf(`V10/Berkeley\nFx /nonexistent/file\n${LOCAL_MAILER}`).exitStatus).toBe(71);
    expect(cf(`V10/Berkeley\nO MinQueueAge=5x\n${LOCAL_MAILER}`).exitStatus).toBe(0);
    expect(cf(`V10/Berkeley\n${LOCAL_MAILER}`).exitStatus).toBe(0);
  });
});
