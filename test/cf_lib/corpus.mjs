/*
 * corpus.mjs - the address test corpus for the cf library equivalence tests:
 * lines for `sendmail -bt`, built from a set of users, hosts and odd address
 * forms crossed with the rulesets worth comparing (3,0; check_mail;
 * check_rcpt from several kinds of client; /parse; /try with the mailers and
 * /tryflags for masquerading; localaddr).
 *
 * Lines starting with "." set macros (they print nothing); "#" lines are
 * comments.  countTests() counts the lines that actually test something.
 *
 * The host names are those of the oracle sandbox's hosts file
 * (../shared/reference/oracle/sandbox/hosts): mx.oracle.test is the host
 * itself, example.com, smile.com, mail.skills.com ... resolve, everything
 * else does not.
 */

/** Local parts: ordinary, +detail, names the example tables know. */
export const USERS = [
  "root", "postmaster", "user1", "user2", "jerry", "mary", "nobody", "joe",
  "user1+tag", "user1+", "info", "sales", "old", "blocked", "foo-info",
  "detail-user+x", "MAILER-DAEMON",
];

/** Host parts ("" = unqualified). */
export const HOSTS = [
  "", "mx.oracle.test", "mx", "localhost", "localhost.localdomain", "[127.0.0.1]",
  "[192.0.2.10]", "[IPv6:::1]", "example.com", "mail.example.com", "EXAMPLE.COM.",
  "unknown.invalid", "smile.com", "sales.com", "skills.com", "mail.skills.com",
  "ftp.skills.com", "partner.example.org", "a.partner.example.org", "relay.example.net",
  "smarthost.example.org", "spammer.example.net", "bulk.example.net", "x.bulk.example.net",
];

/** Address syntax the rulesets must take apart (or refuse) the same way. */
export const ODD_ADDRESSES = [
  "<>", "@example.com", "user@", "a@b@c", "user@.bad", "user@bad..host",
  "Full Name <user@example.com>", "<@relay.example.net,@a.example:user@example.com>",
  "group: a@example.com, b@smile.com;", "undisclosed-recipients:;",
  "user%example.com@mx.oracle.test", "user%example.com", "user%smile.com@skills.com",
  "example.com!user", "host!user", "a!b!c", "mx!root", "user@[192.0.2.1]",
  "user@[1.2.3.4]x", "\"first last\"@mx.oracle.test", "\"first last\"", "user@example.com (Real Name)",
  "USER1@MX.ORACLE.TEST", "node::user", "joe.REDIRECT", "joe@example.com.REDIRECT",
  "root@host.UUCP", "user@localhost.UUCP", "user@[IPv6:0:0:0:0:0:0:0:1]", "a.b@example.com",
  "user@example.com.", "<user@example.com", "user@ex ample.com",
];

/** user@host for every user and host, plus the odd forms. */
export function addresses(users = USERS, hosts = HOSTS, odd = ODD_ADDRESSES) {
  const out = [];
  for (const h of hosts) for (const u of users) out.push(h === "" ? u : `${u}@${h}`);
  return out.concat(odd);
}

/** Client situations for check_rcpt/check_mail: macro lines to set them. */
export const CLIENTS = {
  none: [".D{client_addr}", ".D{client_name}", ".D{client_resolve}"],
  loopback: [".D{client_addr}127.0.0.1", ".D{client_name}localhost", ".D{client_resolve}OK"],
  lan: [".D{client_addr}192.0.2.5", ".D{client_name}ws5.skills.com", ".D{client_resolve}OK"],
  remote: [".D{client_addr}198.51.100.99", ".D{client_name}evil.example.net", ".D{client_resolve}OK"],
  rejected: [".D{client_addr}198.51.100.66", ".D{client_name}spammer.example.net", ".D{client_resolve}OK"],
  forged: [".D{client_addr}203.0.113.77", ".D{client_name}[203.0.113.77]", ".D{client_resolve}FORGED"],
  friend: [".D{client_addr}203.0.113.8", ".D{client_name}friendly.example.org", ".D{client_resolve}OK"],
};

/** A sender for check_rcpt under delay_checks (which runs check_mail). */
function senderLines(sender) {
  return [`.Df${sender}`, `.D{mail_from}<${sender}>`];
}

/**
 * The corpus for one configuration.
 *   opts.extraAddresses  more addresses to run through everything
 *   opts.extraLines      lines appended as they are
 *   opts.small           a reduced cross product (for feature matrices)
 */
export function corpus(opts = {}) {
  const lines = [];
  const all = addresses(
    opts.small ? ["root", "user1", "user1+tag", "nobody", "info"] : USERS,
    opts.small ? ["", "mx.oracle.test", "localhost", "[127.0.0.1]", "example.com", "unknown.invalid", "smile.com", "sales.com", "skills.com", "partner.example.org"] : HOSTS,
    opts.small ? ODD_ADDRESSES.slice(0, 20) : ODD_ADDRESSES,
  ).concat(opts.extraAddresses ?? []);

  lines.push("# address rewriting: canonify then parse");
  for (const a of all) lines.push(`3,0 ${a}`);

  lines.push("# mailer triples");
  for (const a of all) if (!a.includes(" ")) lines.push(`/parse ${a}`);

  lines.push("# localaddr (ruleset 5)");
  for (const u of USERS) lines.push(`5 ${u}`);

  const rcpts = opts.small
    ? ["root", "user1@mx.oracle.test", "user@example.com", "info@smile.com", "joe@sales.com", "x@partner.example.org", "user%example.com@mx.oracle.test", "blocked@skills.com", "<>"]
    : all.filter((a, i) => i % 3 === 0 || /skills|smile|sales|partner|%|!/.test(a));
  const senders = opts.small
    ? ["<>", "root", "user@example.com", "user@unknown.invalid", "spammer@example.com", "a@bulk.example.net", "u@localhost"]
    : ["<>", "root", "user1@mx.oracle.test", "user@example.com", "user@unknown.invalid", "spammer@example.com",
       "x@bulk.example.net", "y@x.bulk.example.net", "u@localhost", "u@[127.0.0.1]", "u@smile.com", "user@example.com.",
       "Name <user@example.com>", "host!user", "a@[192.0.2.1]", "user+tag@example.com"];

  for (const [name, setup] of Object.entries(CLIENTS)) {
    lines.push(`# client: ${name}`, ...setup);
    for (const s of senders) lines.push(`check_mail ${s.startsWith("<") || s.includes("<") ? s : `<${s}>`}`);
    for (const [i, r] of rcpts.entries()) {
      if (i % 4 === 0) lines.push(...senderLines(senders[(i / 4) % senders.length].replace(/^<|>$/g, "")));
      lines.push(`check_rcpt ${r.startsWith("<") || r.includes("<") ? r : `<${r}>`}`);
    }
  }

  lines.push("# mailer rewriting (masquerading, qualification)");
  const tryAddrs = opts.small
    ? ["root", "user1", "user1@mx.oracle.test", "user@example.com", "user@smile.com"]
    : ["root", "user1", "user1+tag", "MAILER-DAEMON", "user1@mx.oracle.test", "user1@mx", "user1@localhost",
       "user@example.com", "user@smile.com", "user@skills.com", "user@host.UUCP", "<>", "user@[192.0.2.1]",
       "postmaster@mx.oracle.test"];
  for (const flags of ["HS", "HR", "ES", "ER"]) {
    lines.push(`/tryflags ${flags}`);
    for (const m of opts.mailers ?? ["local", "esmtp", "relay"]) {
      for (const a of tryAddrs) lines.push(`/try ${m} ${a}`);
    }
  }
  lines.push("# the rulesets sendmail calls for STARTTLS, AUTH and client settings");
  for (const server of [["smarthost.example.org", "203.0.113.5"], ["mail.skills.com", "192.0.2.10"], ["unknown.invalid", "198.51.100.1"]]) {
    lines.push(`.D{server_name}${server[0]}`, `.D{server_addr}${server[1]}`);
    lines.push("authinfo x", "try_tls x", "srv_features x", "clt_features x", "tls_server OK", "tls_server FAIL", "tls_server SOFTWARE");
    for (const r of ["user@example.com", "user@skills.com", "root", "info@smile.com"]) lines.push(`tls_rcpt <${r}>`);
  }
  for (const [verify, bits, issuer] of [["OK", "256", "TestCA"], ["OK", "40", "OtherCA"], ["FAIL", "256", "TestCA"], ["NO", "", ""]]) {
    lines.push(`.D{verify}${verify}`, `.D{cipher_bits}${bits}`, `.D{cert_issuer}${issuer}`, ".D{auth_type}", ".D{auth_authen}");
    for (const [name, setup] of [["remote", CLIENTS.remote], ["friend", CLIENTS.friend]]) {
      lines.push(`# verify=${verify} bits=${bits} client ${name}`, ...setup);
      lines.push("check_mail <user@example.com>", "check_rcpt <user@example.com>", "check_rcpt <u@skills.com>", "trust_auth <x@example.com>");
    }
  }
  lines.push(".D{verify}", ".D{cipher_bits}", ".D{cert_issuer}", ".D{auth_type}DIGEST-MD5", ".D{auth_authen}jerry", ...CLIENTS.remote);
  lines.push("check_rcpt <user@example.com>", "trust_auth jerry", "trust_auth <jerry>", "trust_auth mary", ".D{auth_type}", ".D{auth_authen}");
  lines.push(...(opts.extraLines ?? []));
  return lines;
}

/** How many lines of a corpus test something (not macros, not comments). */
export function countTests(lines) {
  return lines.filter((l) => l.length > 0 && !l.startsWith("#") && !l.startsWith(".")).length;
}
