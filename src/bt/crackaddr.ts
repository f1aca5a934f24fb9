/*
 * crackaddr - sendmail's crackaddr(): turn an address as written in a
 * header ("Full Name <user@host> (comment)", "group: a, b;", "user@host
 * (Name)") into a template where the machine address is replaced by $g
 * ("\x81g"), keeping phrases, comments and group syntax, quoting a phrase
 * that holds special characters, and repairing unbalanced quotes, comments
 * and angle brackets. Output is limited to MAXNAME octets the way sendmail
 * limits it: past the limit characters are skipped but the syntax is kept.
 */

/** The macro $g in internal form. */
export const MACRO_G = "\x81g";

/** sendmail's MustQuoteChars. */
const MUST_QUOTE = "@,;:\\()[].'";

const MAXNAME = 256;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}

/** Thrown when the output buffer is full: crackaddr() then punts with "<$g>". */
class Punt extends Error {}

/** crackaddr(addr); colonOkInAddr is the ColonOkInAddr option. */
export function crackaddr(input: string, colonOkInAddr = false): string {
  try {
    return crack(input, colonOkInAddr);
  } catch (e) {
    if (e instanceof Punt) return `<${MACRO_G}>`;
    throw e;
  }
}

function crack(input: string, colonOkInAddr: boolean): string {
  const buf: string[] = [];
  // buf holds MAXNAME octets; buflim keeps room for closing ) > and "
  const bufend = MAXNAME;
  let buflim = bufend;
  let bp = 0;
  const room = (): boolean => bp < buflim && buflim <= bufend;
  const put = (c: string): void => {
    if (!room()) throw new Punt();
    buf[bp++] = c;
  };
  // leading white space is kept
  let s = 0;
  while (s < input.length && isSpace(input[s])) put(input[s++]!);
  let bufhead = bp;
  const addr = input.slice(s);
  let addrhead = 0;
  let p = 0;
  let copylev = 0;
  let anglelev = 0;
  let cmtlev = 0;
  let realcmtlev = 0;
  let bracklev = 0;
  let addangle = false;
  let qmode = false;
  let realqmode = false;
  let putgmac = false;
  let quoteit = false;
  let gotangle = false;
  let gotcolon = false;
  while (p < addr.length) {
    let c = addr[p++]!;
    if (copylev > 0) put(c);
    let putg = false;
    if (c === "\\") {
      if (cmtlev <= 0 && !qmode) quoteit = true;
      if (p < addr.length) {
        c = addr[p++]!;
        if (copylev > 0) put(c);
      }
      putg = true;
    } else if (c === '"' && cmtlev <= 0) {
      qmode = !qmode;
      if (copylev > 0 && room()) {
        if (realqmode) buflim--;
        else buflim++;
        realqmode = !realqmode;
      }
      continue;
    } else if (qmode) {
      putg = true;
    }
    if (!putg) {
      if (c === "(") {
        cmtlev++;
        if (room()) {
          buflim--;
          realcmtlev++;
          if (copylev++ <= 0) {
            if (bp !== bufhead) put(" ");
            put(c);
          }
        }
      }
      if (cmtlev > 0) {
        if (c === ")") {
          cmtlev--;
          copylev--;
          if (room()) {
            realcmtlev--;
            buflim++;
          }
        }
        continue;
      } else if (c === ")") {
        // unmatched )
        if (copylev > 0 && room() && bp > bufhead) bp--;
      }
      if (c === "[") bracklev++;
      else if (c === "]") bracklev--;
      if (c === ":" && anglelev <= 0 && bracklev <= 0 && !gotcolon && !colonOkInAddr) {
        if (addr[p] === ":" || addr[p] === ".") {
          // DECnet host::user and :. syntaxes
          if (cmtlev <= 0 && !qmode) quoteit = true;
          if (copylev > 0) {
            put(c);
            put(addr[p]!);
          }
          p++;
          putg = true;
        } else {
          gotcolon = true;
          bp = bufhead;
          if (quoteit) {
            put('"');
            --p;
            while (p > 0 && isSpace(addr[--p])) continue;
            p++;
          }
          for (let q = addrhead; q < p; ) {
            const d = addr[q++]!;
            if (quoteit && d === '"') put("\\");
            put(d);
          }
          if (quoteit) {
            if (bp === bufhead + 1) bp--;
            else put('"');
            for (;;) {
              const d = addr[p++];
              if (d === undefined) break;
              put(d);
              if (d === ":") break;
            }
          }
          while (isSpace(addr[p])) put(addr[p++]!);
          copylev = 0;
          putgmac = false;
          quoteit = false;
          bufhead = bp;
          addrhead = p;
          continue;
        }
      }
    }
    if (!putg) {
      if (c === ";" && copylev <= 0 && !colonOkInAddr) put(c);
      if (MUST_QUOTE.includes(c) && cmtlev <= 0 && !qmode) quoteit = true;
      if (c === "<") {
        if (gotangle) quoteit = true;
        gotangle = true;
        anglelev = 1;
        if (room()) {
          if (!addangle) buflim--;
          addangle = true;
        }
        bp = bufhead;
        if (quoteit) {
          put('"');
          --p;
          while (p > 0 && isSpace(addr[--p])) continue;
          p++;
        }
        for (let q = addrhead; q < p; ) {
          const d = addr[q++]!;
          if (quoteit && d === '"') put("\\");
          put(d);
        }
        if (quoteit) {
          if (bp === 1) bp--;
          else put('"');
          for (;;) {
            const d = addr[p++];
            if (d === undefined) break;
            put(d);
            if (d === "<") break;
          }
        }
        copylev = 0;
        putgmac = false;
        quoteit = false;
        continue;
      }
      if (c === ">") {
        if (anglelev > 0) {
          anglelev--;
          if (room()) {
            if (addangle) buflim++;
            addangle = false;
          }
        } else if (room()) {
          // unmatched >
          if (copylev > 0 && bp > bufhead) bp--;
          quoteit = true;
          continue;
        }
        if (copylev++ <= 0) put(c);
        continue;
      }
    }
    // a real address character
    if (copylev <= 0 && !putgmac) {
      if (bp > 0 && buf[bp - 1] === ")") put(" ");
      put("\x81");
      put("g");
      putgmac = true;
    }
  }
  // repair any syntactic damage
  if (realqmode && bp < bufend) buf[bp++] = '"';
  while (realcmtlev-- > 0 && bp < bufend) buf[bp++] = ")";
  if (addangle && bp < bufend) buf[bp++] = ">";
  if (bp >= bufend) throw new Punt();
  return buf.slice(0, bp).join("");
}
