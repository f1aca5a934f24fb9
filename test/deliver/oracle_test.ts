// Byte comparison with Debian's real mail.local, and a real full disk.
// Both run in a private mount namespace (unshare --mount, tmpfs over
// /var/mail), so the machine's spool is never touched; root only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namespaceUnavailable, oracleUnavailable, REAL_MAIL_LOCAL } from "./helpers.js";

const OURS = resolve(__dirname, "../../bin/mail.local");
const oracleWhy = oracleUnavailable();
const nsWhy = namespaceUnavailable();
if (oracleWhy !== null) console.log(`skipping mail.local byte comparison: ${oracleWhy}`);
if (nsWhy !== null) console.log(`skipping full-disk test: ${nsWhy}`);

const CASES = [
  "Subject: hi\nFrom: a@b\n\nFrom the start\n>From x\nline\n",
  "X: 1\ncontent-length: 5\n\tcont\nCONTENT-LENGTH:7\nReturn-Path: <zz>\n\nb\n",
  "Subject: crlf\r\nContent-Length: 999\r\n\r\nFrom body\r\nline\r\n",
  "From someone Mon Jan 1 00:00:00 2024\nSubject: fromfirst\n\nx\n\n\n",
  "no header at all\nFrom x\n",
  "",
  "Subject: x\n\nab\rc\r\n\r\n",
  "Subject: 8bit \xe9\n\nbody \xe9\nFrom\nFrom  x\n>From y\n.\n..\n",
  "Received: from a by b; Wed, 25 Nov 2026 03:00:00 +0000\nSubject: long\n\n" + "z".repeat(5000) + "\n" + "line\n".repeat(2000),
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "deliver-oracle-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inNamespace(script: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("unshare", ["--mount", "sh", "-c", script], { encoding: "latin1", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noDate = (s: string): string => s.replace(/^From (\S*) \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm, "From $1 DATE");

describe("against real mail.local", () => {
  it.skipIf(oracleWhy !== null)("writes the same bytes as Debian's mail.local (Content-Length style)", () => {
    CASES.forEach((c, i) => writeFileSync(join(dir, `m${i}`), c, "latin1"));
    const script =
      "set -e; mount -t tmpfs -o mode=1777 tmpfs /var/mail\n" +
      CASES.map(
        (_, i) =>
          `${REAL_MAIL_LOCAL} -f sender@example.com -d nobody < ${dir}/m${i}\n` +
          `SMTS_MAIL_LOCAL_STYLE=content-length ${OURS} -f sender@example.com -d daemon < ${dir}/m${i}\n`,
      ).join("") +
      `cp -p /var/mail/nobody ${dir}/real; cp -p /var/mail/daemon ${dir}/ours\n` +
      `stat -c '%a %U' /var/mail/nobody /var/mail/daemon\n`;
    const r = inNamespace(script);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("600 nobody\n600 daemon\n");
    const real = noDate(readFileSync(join(dir, "real"), "latin1"));
    const ours = noDate(readFileSync(join(dir, "ours"), "latin1"));
    expect(real.split("From sender@example.com DATE\n")).toHaveLength(CASES.length + 1);
    expect(ours).toBe(real);
  });

  it.skipIf(oracleWhy !== null)("exits like mail.local for unknown users and usage errors", () => {
    const r = inNamespace(
      `mount -t tmpfs -o mode=1777 tmpfs /var/mail; for m in ${REAL_MAIL_LOCAL} ${OURS}; do $m -f x -d no-such-user-zz </dev/null; echo "rc=$?"; $m </dev/null 2>/dev/null; echo "rc=$?"; done`,
    );
    expect(r.stdout).toBe("rc=69\nrc=69\nrc=69\nrc=69\n");
    expect(r.stderr).toBe("mail.local: no-such-user-zz: User unknown\n".repeat(2));
  });
});

describe("full disk", () => {
  it.skipIf(nsWhy !== null)("truncates the mailbox back to its old size and exits EX_TEMPFAIL", () => {
    const spool = join(dir, "small");
    writeFileSync(join(dir, "passwd"), "user2:x:65534:65534::/nonexistent:/bin/sh\n");
    writeFileSync(join(dir, "big"), "Subject: big\n\n" + "b".repeat(200_000) + "\n");
    writeFileSync(join(dir, "small-msg"), "Subject: small\n\nhello\n");
    const env = `SMTS_MAIL_SPOOL_DIR=${spool} SMTS_PASSWD_FILE=${dir}/passwd`;
    const r = inNamespace(
      `mkdir -p ${spool} && mount -t tmpfs -o size=64k,mode=1777 tmpfs ${spool} && ` +
        `${env} ${OURS} -f a@b user2 < ${dir}/small-msg; echo "rc=$?"; stat -c %s ${spool}/user2; ` +
        `${env} ${OURS} -f a@b user2 < ${dir}/big; echo "rc=$?"; stat -c %s ${spool}/user2; ls -A ${spool}; ` +
        `${env} ${OURS} -f a@b user2 < ${dir}/small-msg; echo "rc=$?"; stat -c %s ${spool}/user2; cat ${spool}/user2`,
    );
    const out = r.stdout.split("\n");
    expect(out[0]).toBe("rc=0");
    const size = Number(out[1]);
    expect(out[2]).toBe("rc=75");
    expect(Number(out[3])).toBe(size); // truncated back
    expect(out[4]).toBe("user2"); // no lock file or half entry left behind
    expect(out[5]).toBe("rc=0");
    expect(Number(out[6])).toBe(2 * size);
    expect(r.stderr).toMatch(/mail\.local: .*user2: write error: ENOSPC/);
    expect(r.stdout.match(/^From a@b /gm)).toHaveLength(2);
  });
});
