import { describe, expect, it } from "vitest";
import { OPTION_TABLE } from "../../src/cf/index.js";
import { oracleAvailable, runInSandbox, SENDMAIL_BIN } from "../oracle/sendmail_oracle.js";

const avail = oracleAvailable();
if (!avail.ok) console.log(`option table oracle test skipped: ${avail.reason}`);

describe.skipIf(!avail.ok)("option table against real sendmail", () => {
  it("lists the same option names in the same order as sendmail -bO", async () => {
    const r = await runInSandbox([SENDMAIL_BIN, "-bO"]);
    expect(r.status).toBe(0);
    expect(OPTION_TABLE.map((o) => o.name + "\n").join("")).toBe(r.stdout);
  });
});
