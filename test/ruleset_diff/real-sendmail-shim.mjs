#!/usr/bin/env node
/*
 * real-sendmail-shim.mjs ARGS... - run the REAL sendmail with ARGS in the
 * oracle sandbox (test/oracle/sandbox-inner.sh), stdin/stdout/stderr passed
 * through. Only for checking the differential harness itself (root needed):
 *
 *   RULESET_DIFF_SENDMAIL=$PWD/test/ruleset_diff/real-sendmail-shim.mjs \
 *     npx vitest run test/ruleset_diff
 *
 * must pass every line (maps then come from our bin/makemap, so this also
 * checks that real sendmail reads our hash maps).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { HERE } from "./common.mjs";

const oracle = join(HERE, "..", "oracle");
const child = spawn(
  "/usr/bin/unshare",
  ["--uts", "--mount", "--net", "--propagation", "private", "--", "/bin/sh", join(oracle, "sandbox-inner.sh"),
    "/usr/libexec/sendmail/sendmail", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: {
      PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin",
      LC_ALL: "C",
      TZ: "UTC",
      SM_ORACLE_FILES: join(oracle, "sandbox"),
      SM_ORACLE_HOSTNAME: "mx.oracle.test",
      SM_ORACLE_PASSWD: process.env.SMTS_PASSWD_FILE ?? "/etc/passwd",
    },
  },
);
child.on("close", (code) => process.exit(code ?? 1));
