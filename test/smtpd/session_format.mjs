/*
 * session_format.mjs - the corpus format of test/smtpd/sessions/*.txt, shared
 * by gen-golden.mjs (real sendmail) and smtpd_corpus_test.ts (ours).
 *
 *   # comment                      ignored (also empty lines are NOT ignored:
 *                                  an empty line is an empty command line)
 *   #@ args: -OPrivacyOptions=goaway   extra sendmail args (only -O options
 *                                  are understood by our side, see the test)
 *   #@ cf: other.cf                use fixtures/other.cf
 *   TEXT                           one client write: TEXT + CRLF
 *   +TEXT                          appended to the previous write (same write)
 *   @500 TEXT                      one write, sent 500 ms after the reply
 *   *N TEXT                        one write: TEXT + CRLF repeated N times
 *
 * Escapes in TEXT: \r \n \t \\ \xHH, and \c at the very end suppresses the
 * CRLF that is appended otherwise.
 */

function unescape(s) {
  let out = "";
  let noEol = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === "r") out += "\r";
    else if (n === "n") out += "\n";
    else if (n === "t") out += "\t";
    else if (n === "\\") out += "\\";
    else if (n === "x") {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (n === "c" && i === s.length - 1) noEol = true;
    else out += "\\" + n;
  }
  return noEol ? out : out + "\r\n";
}

/** Parse a session file: { args: string[], cf: string|null, writes: {source, bytes, delayMs}[] }. */
export function parseSession(text) {
  const args = [];
  let cf = null;
  const writes = [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    if (line.startsWith("#@ args:")) {
      args.push(...line.slice(8).trim().split(/\s+/).filter(Boolean));
      continue;
    }
    if (line.startsWith("#@ cf:")) {
      cf = line.slice(6).trim();
      continue;
    }
    if (line.startsWith("#")) continue;
    if (line.startsWith("+") && writes.length > 0) {
      const w = writes[writes.length - 1];
      w.source += "\n" + line;
      w.bytes += unescape(line.slice(1));
      continue;
    }
    let delayMs = 0;
    let body = line;
    let repeat = 1;
    const m = /^@(\d+) (.*)$/.exec(line);
    const r = /^\*(\d+) (.*)$/.exec(line);
    if (m) {
      delayMs = Number(m[1]);
      body = m[2];
    } else if (r) {
      repeat = Number(r[1]);
      body = r[2];
    }
    writes.push({ source: line, bytes: unescape(body).repeat(repeat), delayMs });
  }
  return { args, cf, writes };
}
