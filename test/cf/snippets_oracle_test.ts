/*
 * Differential tests on small (mostly broken) cf files: the diagnostics the
 * loader reports must be exactly what real sendmail prints while reading
 * the same file, and selected -bt queries (=S, =M, $x, $=X) must agree.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCf, renderMailers, renderRuleset, renderMacro, type CfModel } from "../../src/cf/index.js";
import { oracleAvailable } from "../oracle/sendmail_oracle.js";
import { btQuery, printedDiagnostics, SANDBOX_ENV, sandboxDatabases } from "./oracle_helpers.js";

const avail = oracleAvailable();
if (!avail.ok) console.log(`cf snippet oracle tests skipped: ${avail.reason}`);

const LOCAL = "Mlocal, P=/bin/true, F=lsDFM, A=true $u\n";

interface Case {
  readonly name: string;
  readonly cf: string;
  /** -bt queries to compare besides the diagnostics. */
  readonly queries?: readonly string[];
}

const CASES: Case[] = [
  {
    name: "unknown option, bad timeout, ruleset and mailer errors",
    cf:
      "V10/Berkeley\nO FooBarOpt=1\nO Timeout.bogus=5m\nSBad-Name\nS200\nSfoo=abc\nR$* foo\n" +
      "Mlocal, P=/bin/true, F=lsDFM, Z=1, A=true $u\nMx, P=/bin/true\nMnop, F=x, A=x\n" +
      "Kmymap nosuchclass /etc/foo\nKmymap2 hash\nF{Foo} -o /nonexistent/file\nF{Bar} /nonexistent/file2\n" +
      "Zunknown line\nP=\nH?x?Foo: bar\nD{Foo\n",
    queries: ["=M", "=SBad"],
  },
  {
    name: "header, option name, rule and mailer field errors",
    cf:
      "V10/Berkeley\nHFoo bar\nH?$abc?Foo: bar\nO Tim=5m\nO T=5m\nO AliasFile\nOXfoo\nO SevenBitInput\nS1\n" +
      "R$1\t$2\nR$*\t$1\nR$:\tfoo\nR\tfoo\nRfoo\t$*\nRfoo\t$(foo $(bar $) $)\nRfoo\t$(foo\nR$+\nSmax=99\nSmax=98\n" +
      "Mlocal, P=[TCP], A=x\nMfoo, P=[IPC], A=foo\nMfoo2, P=[FILE], A=X $u\nMbar, P=/bin/x, U=nosuchuser, A=x\n" +
      "Mbaz, P=/bin/x Q=nosuchq, A=x\nK\nK1foo hash /x\nKfoo\nKfoo3 sequence nosuchmap\nQq1, P=/tmp/q, Z=1\n" +
      "Vabc\nV10/Foo\nEFOO=bar\nEBAZ\n",
    queries: ["=S1", "=M"],
  },
  {
    name: "option values: users, flag lists, enums, addresses",
    cf:
      "V10/Berkeley\nO DefaultUser=nosuchuser\nO DefaultUser=mail:nosuchgroup\nO PrivacyOptions=goaway,bogus\n" +
      "O DontBlameSendmail=safe,bogus\nO AliasF=/etc/aliases\nO QueueSortOrder=zz\nO NoRecipientAction=zz\n" +
      "O ConnectOnlyTo=foo\nO RunAsUser=nosuch\nO TrustedUser=nosuch\nO ResolverOptions=+bogus\n" +
      "O ServerSSLOptions=+BOGUS\nO DaemonPortOptions=Name=x, Family=bogus, Port=999999, Zork=1\n" +
      "O ClientPortOptions=Family=inet, Bogus=1\nO Timeout.queuereturn=5x\nO MinQueueAge=abc\nO Milter.bogus=1\n" +
      "O OperatorChars=.:@\nS1\nR$+\t$@ $1\nO OperatorChars=.:@!\nS1\nD\nD{}\nD{a-b}x\n" +
      "D{abcdefghijklmnopqrstuvwxyz0123}x\nCx $=Y\nC{}foo\nT\nTfoo bar\n" +
      LOCAL,
    queries: ["=S1", "$=t", "${ab}"],
  },
  {
    name: "macros in rules: deferred, conditionals, long names, comments",
    cf:
      "V10/Berkeley\nDXhello\nD{Long}world $X\nCO @ % !\nS1\n" +
      "R$* $| $&{client_addr} $&x $=w $~O ${Long} $X $1\t$@ $>2 $[ $1 $] $( foo $1 $@ a $: b $) $#x $: \"quoted str\" \\@ \\! $. $?X yes $| no $.\tcomment\n" +
      "R$@\t$@ $1 (comment) <a>\nR$-.$+\t$1.$2\nS2\nR$=\tx\nR$~{Long}\tx\n" +
      LOCAL,
    queries: ["=S1", "=S2", "$X", "${Long}", "$=O"],
  },
  {
    name: "options with warnings, queue groups, milters, port options, headers",
    cf:
      "V10/Berkeley\nO SmtpUTF8=true\nO SmtpUTF8=false\nO ResolverOptions=+use_inet6 -trustad +use_dnssec use_edns0 +HasWildcardMX\n" +
      "O MaxHeadersLength=100\nO MaxMimeHeaderLength=100/30\nO AuthOptions=A,z\nO TLSSrvOptions=V,Q\n" +
      "O MustQuoteChars=0123456789012345678901234567890123456789\n" +
      "O ClientSSLOptions=+SSL_OP_NO_SSLv2 +SSL_OP_TLS_D5_BUG 0x40 -foo\nO QueueTimeout=3d/4h\n" +
      "O Timeout=5m,queuereturn=2d,bogus:3\nQq1, R=3\nXm1, S=local:/tmp/nonexistent-sock, T=C:1m;X:3s;S:2\n" +
      "Xm2, S=bogus:foo\nXm3, S=inet:abc@host\nXm4\nXm5, S=inet6:25@::1\nXm1, S=unix:/nonexistent/a\nXm6,\n" +
      "O InputMailFilters=m1, nosuch\nO Milter.LogLevel=3\nO Milter.macros.connect=j, {foo}\nO Milter\n" +
      "O DaemonPortOptions=Port=nosuchsvc, Addr=nosuch.host.invalid\n" +
      "O DaemonPortOptions=Family=inet6, Addr=::1, Port=25, M=E a\nO DaemonPortOptions=Family=local, Addr=/var/run/x.sock\n" +
      "O SuperSafe=PostMilter\nO NoSuchThing=1\nOW\nO\nO =x\nH?${Foo}?X-Foo: bar\nH?${Foo?X-Foo: bar\n" +
      "H?{abc}?X-Foo: bar\nHX-Check: $>+CheckIt\nHX-Check2: $> 5\n" +
      "Mfoo, P=/bin/x, A=x $u, Q=q1, U=mail:mail, W=2m, m=3, r=7, N=3, D=$z:/, /=/chroot, C=utf-8, L=100, M=500, E=\\n, F=5:\n",
    queries: ["=M", "$=t", "${daemon_flags}"],
  },
  {
    name: "no V line: old config level, comments are not stripped, $o operator chars",
    cf: "Do.:%@!^/[]\nS0\nR$+ # not a comment\t$@ $1 ( x )\n" + LOCAL,
    queries: ["=S0"],
  },
  {
    name: "comments, escaped hash, continuation lines, $$",
    cf:
      "V10/Berkeley\n# comment\nDA a\\#b # trailing comment\nDB $$x $$# real comment\nS0\n" +
      "R$* < @ $+ >\n\t$*\t$@ $1 # rhs comment\n\t\t\tcontinued comment\nR$-\t$:\\#$1\n" +
      "HSubject: two\n\tlines # comment\n" +
      LOCAL,
    queries: ["$A", "$B", "=S0"],
  },
  {
    name: "ruleset names and numbers",
    cf:
      "V10/Berkeley\nSfoo\nSbar=10\nSbaz = 11\nS12\nSfoo=13\nS 5\nS-1\nS_x\nS\nS1x\nSq=100\nSname = \nMlocal, P=/bin/true, S=foo/bar, R=12/quux, F=lsDFM, A=true $u\n" +
      "Mx, P=/bin/true, S=bad-/9, A=true\nMy, P=/bin/true, R=200, A=true\nMz, P=/bin/true, S=new1, R=new2/new3, A=true\n",
    queries: ["=M", "=Sfoo", "=Sbar", "=S12", "=Squux", "=Snew3"],
  },
  {
    // (no U=user:groupname here: sendmail 8.17 scans a group name past its
    // terminating NUL and overwrites unrelated memory -- see mailers_test.ts)
    name: "mailer fields: defaults, eol, types, uid, trailing comma",
    cf:
      "V10/Berkeley\nMlocal, P=/bin/true, F=lsDFM, A=true $u\nMa, P=[IPC], F=mDFMuX, A=TCP $h\nMb, P=[IPC], A=FILE /tmp/s\n" +
      "Mc, P=[IPC], A=XYZ $h\nMd, P=/bin/x, T=a, A=x\nMe, P=/bin/x, T=a/b, A=x\nMf, P=/bin/x, T=/b/c/d, A=x\n" +
      "Mg, P=/bin/x, T=//, A=x\nMh, P=/bin/x, U=2001:2002, A=x\nMi, P=/bin/x, U=user1, A=x\nMj, P=/bin/x, U=nosuchuser:2, A=x\n" +
      "Mk, P=/bin/x, U=:5, A=x\nMl, P=/bin/x, F=L, A=x\nMm, P=/bin/x, A=x,\nMn, P=\"/bin/x,y\", A=\"a b\" c\\,d\nMo, P=/bin/x, E=, A=x\n" +
      "MPROG, P=/bin/bash, A=bash -c $u\nMq, P=[FILE], A=FILE $u x\nMr, P=[FILE], A=FILE\nMs, P=/bin/x, r=0, M=abc, L=-5, A=x\n" +
      "Mt P=/bin/x A=x\nM, P=/bin/x, A=x\n",
    queries: ["=M"],
  },
  {
    name: "classes: words, copies, files, formats, optional files",
    cf:
      "V10/Berkeley\nCw a b\nCW A\nCw $=W c\nC{Big} one two\nC{Big}three\nCx $j\nFy -o /nonexistent\n" +
      "Fz /etc/mail/local-host-names %[^\\#]\nFq /etc/hostname %s\nF{Q} \"/etc/host name\"\nF{R} /etc/mail/local-host-names %[a-z]\n" +
      "F{M}@hash:/nonexistent/map\nF{N}key@nosuchclass:foo\nF{O}key@hash\nF{P}@hash:-o /nonexistent/map\n" +
      LOCAL,
    queries: ["$=w", "$=W", "$={Big}", "$=x", "$=y", "$=z", "$=q", "$={R}"],
  },
  {
    name: "precedences, trusted users, environment, too many P lines",
    cf:
      "V10/Berkeley\n" +
      Array.from({ length: 26 }, (_, i) => `Pp${i}=${i}\n`).join("") +
      "Pnoequals\nTroot daemon\nT  uucp\nEPATH=/bin\nE\n" +
      LOCAL,
    queries: ["$=t"],
  },
  {
    name: "maps: generic arguments and special classes",
    cf:
      "V10/Berkeley\nKa hash -o -N -T<TMP> -a.FOUND /nonexistent/a\nKb dbm /x\nKc hash -X /x\nKd user -vpw_dir\nKe user\n" +
      "Kf text -z: -k0 -v1 /etc/passwd\nKg btree\nKh dequote -s+ -a.x\nKi macro\nKj arith\nKk regex -a@MATCH ^foo$\n" +
      "Kl sequence a b nosuch\nKm switch aliases\nKn program /bin/echo\nKo null\nKp syslog\nKq host -a. -D\n" +
      "Kr socket inet:1234@localhost\nKs ldap -k\"(uid=%0)\" -v mail\nKt nis mail.aliases\nKu stab\nKv implicit /etc/aliases\n" +
      "K_bad hash /x\nKw.x hash /x\nKW hash /y\n" +
      LOCAL,
  },
  {
    name: "R lines: too many wildcards, out-of-bounds replacements, map args",
    cf:
      "V10/Berkeley\nS0\nR$* $* $* $* $* $* $* $* $* $*\t$1\nR$*\t$0\nR$*\t$1 $2\n" +
      "R$*\t$( m $@ 1 $@ 2 $@ 3 $@ 4 $@ 5 $@ 6 $@ 7 $@ 8 $@ 9 $@ 10 $)\nR$*\t$[ $1 $( x $) $]\nR$*\t$( x $]\nR$*\t$[ x $)\n" +
      "R$*\t\nR$*\t\t\tcomment only\n" +
      LOCAL,
    queries: ["=S0"],
  },
  {
    name: "V line variants and config level effects",
    cf: "V5\nDwname.dom\nV 6/berkeley\nV10/Sun\nV10 /Berkeley\nV10/Berkeley\n" + LOCAL,
    queries: ["$w"],
  },
  {
    name: "queue groups",
    cf:
      "V10/Berkeley\nQq0, P=/tmp\nO QueueDirectory=/var/spool/mqueue\nO MaxQueueChildren=2\nQq1, R=3\nQq2, R=2, F=f, I=5m, N=3, J=10, r=5\n" +
      "Q\nQq3, P=\nQq4 P\nQq1, P=/x\nMlocal, P=/bin/true, Q=Q2, F=lsDFM, A=true $u\nMx, P=/bin/true, Q=, A=x\n",
    queries: ["=M"],
  },
  {
    name: "8-bit octets, quotes, backslashes in rules and macros",
    cf:
      "V10/Berkeley\nDA caf\xc3\xa9 \x81\x9f\xff end\nDB\"quoted \\\"x\\\" str\" \\n\\t\\r\\f\\b\\q\nDC$\nS0\n" +
      "R\xc3\xa9t\xe9 $+\t$@ \xff\x80 $1\nR\"a b\" \\\" $*\t$@ \"c\\\"d\" \\x\nR$*\\\t\tfoo\nRa\\!b\t$1\n" +
      "R$#foo $@ bar $: baz\t$#local $@ host $: user\nR$&\tx\nR$\tx\n" +
      LOCAL,
    queries: ["$A", "$B", "$C", "=S0"],
  },
  {
    name: "macros in S, K, C lines; rulesets entered by headers and mailers before S lines",
    cf:
      "V10/Berkeley\nDXcheck\nDY/etc/mail/x\nHX-A: $>HdrCheck\nHX-B: $>+$X_it\nH*: $>Default\nHX-C: $>0\n" +
      "Mlocal, P=/bin/true, S=EnvFrom/HdrFrom, R=EnvTo, F=lsDFM, A=true $u\nS$X_it\nRa\tb\nSEnvFrom\nSHdrCheck=7\nSfoo\nSfoo=5\n" +
      "Kmap$X hash $Y\nC{$X} $X $Y\nCZ ${undefined} $X\n",
    queries: ["=Scheck_it", "=SHdrCheck", "=S7", "=Sfoo", "$=Z", "=M"],
  },
  {
    name: "line structure: leading continuation, CRLF, missing final newline, NUL",
    cf: " leading continuation\r\nV10/Berkeley\r\nDAx\ry\r\nS0\r\nR$+\r\n\t$@ $1\r\nDBa\x00b\n" + LOCAL + "Zlast line without newline",
    queries: ["$A", "$B", "=S0"],
  },
  {
    name: "prescan limits: too many tokens, long tokens, long lines",
    cf:
      "V10/Berkeley\nS0\nR" + Array.from({ length: 210 }, (_, i) => `t${i}`).join(" ") + "\tx\n" +
      "R" + "a".repeat(300) + "\tx\n" +
      "Rx\t" + "b ".repeat(1100) + "\n" +
      "D{Long}" + "z".repeat(3000) + "\nRy\t${Long}\n" +
      LOCAL,
    queries: ["=S0"],
  },
  {
    name: "headers: duplicates, null values, conditions, long names",
    cf:
      "V10/Berkeley\nH?D?Date: $a\nHDate: $b\nH?F?From: $g\nHFrom:\nHReceived: one\nHReceived: two\n" +
      "H?M?Message-Id: <$t@$j>\nH?${if_addr}?X-If: $&{if_addr}\nH?x?Full-Name: $x\nHX Y: z\nHX-Space : v\n" +
      "H" + "N".repeat(101) + ": long\nH?P?\nH??X: y\nH?$?X: y\nH?$&x?Y: z\nH?a b?Z: w\n" +
      LOCAL,
  },
  {
    name: "options: abbreviations, short names, suboptions, odd spacing",
    cf:
      "V10/Berkeley\nO Deli=b\nOdq\nO  LogLevel=9\nO LogLevel = 12\nO MaxHop\nO Time.mail=1m\nO Timeout.mail.extra=1m\n" +
      "O PrivacyOptions=public,,authwarnings;noexpn\nO AliasFile=hash:/etc/aliases, /etc/aliases2, nosuchclass:/x, dequote:x\n" +
      "O HelpFile\nOM{MyMac}value\nOMXvalue2\nO ForwardPath=$z/.forward\nO SmtpGreetingMessage=$j \"quoted\\t\" $b\n" +
      "O UnixFromLine=From $g\nO DefaultUser=1001\nO DefaultUser=mail\nO RunAsUser=mail:mail\nO RunAsUser=2001:nosuch\n" +
      "O TrustedUser=0\nO ConnectOnlyTo=70000@127.0.0.1\nO ConnectOnlyTo=::1\nO ConnectOnlyTo=25@[1.2.3.4]\n" +
      "O DontProbeInterfaces=loopback\nO DirectSubmissionModifiers=Cf\nO CACertFile=$j.pem\n" +
      LOCAL,
    queries: ["${MyMac}", "$X", "${daemon_flags}"],
  },
];

describe.skipIf(!avail.ok)("cf snippets against real sendmail", () => {
  const dir = mkdtempSync(join(tmpdir(), "cf-snippets-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  CASES.forEach((c, idx) => {
    it(c.name, async () => {
      const path = join(dir, `case${idx}.cf`);
      writeFileSync(path, c.cf, "latin1");
      const { model } = parseCf(c.cf, path, { env: SANDBOX_ENV, systemDatabases: sandboxDatabases() });
      const queries = c.queries ?? [];
      const { preamble, answers } = await btQuery(path, queries);
      expect(printedDiagnostics(model)).toBe(preamble);
      queries.forEach((q, i) => {
        let real = answers[i] ?? "(no answer)";
        if (q.startsWith("$=")) real = "SORTED:" + real.split("\n").filter((w) => w.length > 0).sort().join(",");
        expect(`${q}\n${answerFor(model, q)}`).toBe(`${q}\n${real}`);
      });
    });
  });
});

/** Our answer to a -bt query. */
function answerFor(model: CfModel, q: string): string {
  if (q === "=M") return renderMailers(model);
  if (q.startsWith("=S")) {
    const arg = q.slice(2);
    const n = /^\d+$/.test(arg) ? Number(arg) : model.rulesetNumbers.get(arg);
    if (n === undefined) return `Undefined ruleset ${arg}\n`;
    if (n >= 100 && /^\d+$/.test(arg)) return `bad ruleset ${n} (100 max)\nUndefined ruleset ${arg}\n`;
    return renderRuleset(model, n);
  }
  if (q.startsWith("$=")) {
    const name = q.slice(2).replace(/^\{(.*)\}$/, "$1");
    const words = [...(model.classes.get(name)?.words ?? [])].sort();
    return "SORTED:" + words.join(",");
  }
  if (q.startsWith("$")) return renderMacro(model, q.slice(1).replace(/^\{(.*)\}$/, "$1"));
  return "(no local answer)";
}
