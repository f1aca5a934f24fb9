/*
 * feature_configs.mjs - small .mc files that between them use the whole
 * vocabulary of issue 5 (every FEATURE, the masquerading and relay macros,
 * DAEMON_OPTIONS/CLIENT_OPTIONS, LOCAL_* sections, MODIFY_MAILER_FLAGS, the
 * mailer knobs, confXXX options), with the tables they need.  The
 * equivalence suite builds each with Debian's library and with ours.
 */

const HEAD = "divert(0)dnl\nOSTYPE(`linux')dnl\nDOMAIN(`generic')dnl\n";
const TAIL = "MAILER(`local')dnl\nMAILER(`smtp')dnl\n";

/** Tables shared by the configurations (map sources and class files). */
export const TABLES = {
  "local-host-names": "mail.skills.com\nskills.com\nsmile.com\nsales.com\n",
  "relay-domains": "192.0.2\nrelay.example.net\n",
  "trusted-users": "jerry\n",
  access: [
    "Connect:127.0.0.1\tRELAY",
    "Connect:192.0.2\tRELAY",
    "Connect:192.0.2.66\tSKIP",
    "Connect:198.51.100.66\tREJECT",
    "Connect:spammer.example.net\tERROR:5.7.1:550 Go away",
    "Connect:friendly.example.org\tOK",
    "From:spammer@example.com\tREJECT",
    "From:bulk.example.net\tDISCARD",
    "From:user@example.com\tRELAY",
    "From:quarantine.example.net\tQUARANTINE:held for review",
    "From:unknown.invalid\tOK",
    "From:badguy@\tERROR:550 No thanks",
    "To:blocked@skills.com\tREJECT",
    "To:nobody@\tERROR:5.1.1:550 Gone",
    "To:partner.example.org\tRELAY",
    "To:.sub.example.org\tRELAY",
    "Spam:abuse@\tFRIEND",
    "Spam:hater@skills.com\tHATER",
    "GreetPause:192.0.2\t0",
    "GreetPause:\t250",
    "ClientRate:198.51.100.99\t2",
    "ClientConn:\t10",
    "AuthInfo:smarthost.example.org\t\"U:me\" \"P:secret\"",
    "AuthInfo:\t\"U:default\" \"P:x\"",
    "TLS_Clt:evil.example.net\tVERIFY",
    "TLS_Clt:203.0.113.8\tPERM+ENCR:128",
    "TLS_Srv:smarthost.example.org\tVERIFY:112+CN:smarthost.example.org",
    "TLS_Rcpt:skills.com\tENCR:64",
    "TLS_Rcpt:info@smile.com\tTEMP+VERIFY",
    "Try_TLS:unknown.invalid\tNO",
    "Srv_Features:192.0.2\tV",
    "Clt_Features:\tM",
    "CERTISSUER:TestCA\tRELAY",
    "CERTISSUER:OtherCA\tSUBJECT",
    "skills.com\tRELAY",
    "example.net\tREJECT",
    "",
  ].join("\n"),
  virtusertable: [
    "@sales.com\t@smile.com",
    "user1@smile.com\tuser1,user2,user3",
    "info@smile.com\tjerry",
    "info+*@smile.com\tmary+%2",
    "nobody@smile.com\terror:nouser No such user here",
    "old@smile.com\terror:5.1.6:550 This address has moved",
    "@skills.com\t%1%3@smile.com",
    "@sub.smile.com\troot",
    "",
  ].join("\n"),
  mailertable: [
    "ftp.skills.com\tesmtp:[192.0.2.11]",
    ".partner.example.org\trelay:relay.example.net",
    "example.net\terror:5.7.0:550 Not here",
    "local.example.org\tlocal:jerry",
    "proc.example.org\tprocmail:/etc/procmailrcs/x",
    "",
  ].join("\n"),
  genericstable: [
    "jerry\tjerry.hr@example.com",
    "mary@mx.oracle.test\tmary.bar@example.com",
    "@skills.com\tsales@example.com",
    "user1+*@mx.oracle.test\tuser1-%1@example.com",
    "",
  ].join("\n"),
  domaintable: "old.example.com\texample.com\nlegacy.skills.com\tskills.com\n",
  authinfo: "AuthInfo:smarthost.example.org\t\"U:me\" \"P:secret\"\n",
};

/** name -> .mc text (run as "m4 cf.m4 x.mc"). */
export const CONFIGS = {
  base: HEAD + TAIL,

  access_virtual: HEAD + [
    "FEATURE(`access_db', `hash -T<TMPF> -o /etc/mail/access', `skip')dnl",
    "FEATURE(`blocklist_recipients')dnl",
    "FEATURE(`virtusertable')dnl",
    "FEATURE(`virtuser_entire_domain')dnl",
    "VIRTUSER_DOMAIN(`smile.com')dnl",
    "VIRTUSER_DOMAIN_FILE(`-o /etc/mail/virtual-domains')dnl",
    "FEATURE(`delay_checks', `friend')dnl",
  ].join("\n") + "\n" + TAIL,

  blacklist_old_name: HEAD + "FEATURE(`access_db')dnl\nFEATURE(`blacklist_recipients')dnl\nFEATURE(`delay_checks', `hater', `n')dnl\nFEATURE(`lookupdotdomain')dnl\n" + TAIL,

  masquerade_generics: HEAD + [
    "FEATURE(`mailertable')dnl",
    "FEATURE(`domaintable')dnl",
    "FEATURE(`genericstable')dnl",
    "FEATURE(`generics_entire_domain')dnl",
    "GENERICS_DOMAIN(`skills.com mx.oracle.test')dnl",
    "MASQUERADE_AS(`example.com')dnl",
    "MASQUERADE_DOMAIN(`skills.com')dnl",
    "MASQUERADE_DOMAIN_FILE(`-o /etc/mail/masq-domains')dnl",
    "MASQUERADE_EXCEPTION(`mail.skills.com')dnl",
    "FEATURE(`masquerade_entire_domain')dnl",
    "FEATURE(`masquerade_envelope')dnl",
    "FEATURE(`allmasquerade')dnl",
    "FEATURE(`always_add_domain')dnl",
    "EXPOSED_USER(`root postmaster')dnl",
    "EXPOSED_USER_FILE(`-o /etc/mail/exposed')dnl",
  ].join("\n") + "\n" + TAIL + "MAILER(`procmail')dnl\n",

  masquerade_limited: HEAD + "MASQUERADE_AS(`example.com')dnl\nMASQUERADE_DOMAIN(`skills.com')dnl\nFEATURE(`limited_masquerade')dnl\nFEATURE(`local_no_masquerade')dnl\nFEATURE(`always_add_domain', `skills.com')dnl\n" + TAIL,

  relay_rules: HEAD + [
    "FEATURE(`access_db')dnl",
    "FEATURE(`relay_entire_domain')dnl",
    "FEATURE(`relay_hosts_only')dnl",
    "RELAY_DOMAIN(`skills.com smile.com')dnl",
    "RELAY_DOMAIN_FILE(`-o /etc/mail/relay-extra')dnl",
    "FEATURE(`relay_local_from')dnl",
    "FEATURE(`relay_mail_from', `domain')dnl",
    "FEATURE(`loose_relay_check')dnl",
    "FEATURE(`accept_unresolvable_domains')dnl",
    "FEATURE(`accept_unqualified_senders')dnl",
    "define(`confRELAY_MSG', `\"550 Not a relay\"')dnl",
    "define(`confREJECT_MSG', `\"550 Refused by access map\"')dnl",
  ].join("\n") + "\n" + TAIL,

  relay_mx: HEAD + "FEATURE(`access_db')dnl\nFEATURE(`relay_based_on_MX')dnl\nFEATURE(`bestmx_is_local', `skills.com')dnl\nTRUST_AUTH_MECH(`DIGEST-MD5 CRAM-MD5')dnl\ndefine(`confAUTH_MECHANISMS', `DIGEST-MD5 CRAM-MD5 PLAIN LOGIN')dnl\n" + TAIL,

  no_special_chars: HEAD + [
    "FEATURE(`nouucp', `reject')dnl",
    "FEATURE(`nopercenthack', `reject')dnl",
    "FEATURE(`nocanonify', `canonify_hosts')dnl",
    "CANONIFY_DOMAIN(`example.com')dnl",
    "CANONIFY_DOMAIN_FILE(`-o /etc/mail/canonify')dnl",
  ].join("\n") + "\n" + TAIL,

  no_special_nospecial: HEAD + "FEATURE(`nouucp', `nospecial')dnl\nFEATURE(`nopercenthack', `nospecial')dnl\nFEATURE(`nocanonify')dnl\nFEATURE(`access_db')dnl\n" + TAIL,

  hub_relays: HEAD + [
    "define(`MAIL_HUB', `mailhub.skills.com.')dnl",
    "define(`LOCAL_RELAY', `relay:relay.example.net')dnl",
    "define(`LUSER_RELAY', `local:jerry')dnl",
    "define(`SMART_HOST', `esmtp:[203.0.113.5]')dnl",
    "FEATURE(`stickyhost')dnl",
    "LOCAL_USER(`root mary')dnl",
    "LOCAL_USER_FILE(`-o /etc/mail/local-users')dnl",
    "FEATURE(`preserve_luser_host')dnl",
  ].join("\n") + "\n" + TAIL,

  hub_plain: HEAD + "define(`MAIL_HUB', `mailhub.skills.com')dnl\ndefine(`LUSER_RELAY', `relay.example.net')dnl\nFEATURE(`preserve_local_plus_detail')dnl\n" + TAIL,

  promiscuous: HEAD + "FEATURE(`promiscuous_relay')dnl\nFEATURE(`no_default_msa')dnl\nFEATURE(`smrsh')dnl\nFEATURE(`use_ct_file')dnl\ndefine(`confTRUSTED_USERS', `mary')dnl\n" + TAIL,

  lmtp_local: "divert(0)dnl\nOSTYPE(`debian')dnl\nDOMAIN(`generic')dnl\nFEATURE(`local_lmtp')dnl\nFEATURE(`smrsh', `/usr/libexec/sendmail/smrsh')dnl\n" + TAIL,

  procmail_local: "divert(0)dnl\nOSTYPE(`debian')dnl\ndefine(`PROCMAIL_MAILER_PATH', `/opt/bin/procmail')dnl\nFEATURE(`local_procmail', `', `procmail -t -Y -a $h -d $u', `SPfhn9A')dnl\n" + TAIL + "MAILER(`procmail')dnl\n",

  antispam: HEAD + [
    "FEATURE(`access_db')dnl",
    "FEATURE(`delay_checks')dnl",
    "FEATURE(`dnsbl', `bl.example.org')dnl",
    "FEATURE(`dnsbl', `bl2.example.org', `\"550 Listed at bl2 \" $&{client_addr}', `t')dnl",
    "FEATURE(`enhdnsbl', `ebl.example.org', `', `t', `127.0.0.2.', `127.0.0.3.')dnl",
    "FEATURE(`ratecontrol', `nodelay', `terminate')dnl",
    "FEATURE(`conncontrol')dnl",
    "FEATURE(`greet_pause', `500')dnl",
    "FEATURE(`badmx')dnl",
    "FEATURE(`require_rdns')dnl",
    "FEATURE(`block_bad_helo')dnl",
    "FEATURE(`use_client_ptr')dnl",
    "FEATURE(`compat_check')dnl",
    "FEATURE(`check_other')dnl",
    "FEATURE(`queuegroup', `mqueue')dnl",
    "FEATURE(`authinfo')dnl",
  ].join("\n") + "\n" + TAIL,

  greet_no_access: HEAD + "FEATURE(`greet_pause', `2000')dnl\nFEATURE(`redirect')dnl\nFEATURE(`notsticky')dnl\n" + TAIL,

  options_and_locals: HEAD + [
    "define(`ALIAS_FILE', `/etc/mail/aliases,/etc/mail/more-aliases')dnl",
    "define(`QUEUE_DIR', `/var/spool/mqueue/q*')dnl",
    "define(`HELP_FILE', `/etc/mail/helpfile')dnl",
    "define(`STATUS_FILE', `/var/lib/sendmail/statistics')dnl",
    "define(`confDOMAIN_NAME', `mx.oracle.test')dnl",
    "define(`confMAX_MESSAGE_SIZE', `1000000')dnl",
    "define(`confDELIVERY_MODE', `queueonly')dnl",
    "define(`confPRIVACY_FLAGS', ``goaway,restrictqrun'')dnl",
    "define(`confTO_QUEUEWARN', `2h')dnl",
    "define(`confMESSAGE_TIMEOUT', `4d/3h')dnl",
    "define(`confTIME_ZONE', `USE_TZ')dnl",
    "define(`confDONT_PROBE_INTERFACES', `True')dnl",
    "define(`confMAX_DAEMON_CHILDREN', `40')dnl",
    "define(`confLOG_LEVEL', `12')dnl",
    "define(`confSMTP_LOGIN_MSG', `$j ready')dnl",
    "define(`confMAILER_NAME', `Mail Delivery')dnl",
    "define(`confCW_FILE', `-o /etc/mail/sendmail.cw')dnl",
    "undefine(`confCR_FILE')dnl",
    "define(`confDEF_USER_ID', `8:12')dnl",
    "define(`confBIND_OPTS', `-DNSRCH -DEFNAMES')dnl",
    "define(`confHOST_STATUS_DIRECTORY', `.hoststat')dnl",
    "DAEMON_OPTIONS(`Port=smtp, Addr=127.0.0.1, Name=MTA')dnl",
    "DAEMON_OPTIONS(`Family=inet6, Port=smtp, Addr=::1, Name=MTA-v6, Modifiers=O')dnl",
    "DAEMON_OPTIONS(`Port=587, Name=MSA, M=Ea, children=10, DeliveryMode=q, refuseLA=20, delayLA=10, queueLA=15, Listen=50, SndBufSize=65536, RcvBufSize=65536, InputMailFilters=f1;f2')dnl",
    "CLIENT_OPTIONS(`Family=inet, Addr=0.0.0.0, Port=25, Modifiers=h')dnl",
    "CLIENT_OPTIONS(`Family=inet6, Address=::, SndBufSize=8192')dnl",
    "INPUT_MAIL_FILTER(`f1', `S=local:/var/run/f1.sock, F=T')dnl",
    "MAIL_FILTER(`f2', `S=inet:3333@localhost')dnl",
    "QUEUE_GROUP(`slow', `P=/var/spool/mqueue/slow, F=f, I=1h')dnl",
    "define(`SMTP_MAILER_MAX', `2000000')dnl",
    "define(`SMTP_MAILER_MAXMSGS', `10')dnl",
    "define(`SMTP_MAILER_MAXRCPTS', `50')dnl",
    "define(`SMTP_MAILER_CHARSET', `iso-8859-1')dnl",
    "define(`RELAY_MAILER_ARGS', `TCP $h 2525')dnl",
    "define(`RELAY_MAILER_MAXMSGS', `5')dnl",
    "define(`LOCAL_MAILER_MAX', `3000000')dnl",
    "define(`LOCAL_MAILER_EOL', `\\n')dnl",
    "define(`LOCAL_MAILER_QGRP', `slow')dnl",
    "define(`UUCP_MAILER_MAX', `200000')dnl",
    "define(`PROCMAIL_MAILER_MAX', `4000000')dnl",
    "define(`USENET_MAILER_MAX', `50000')dnl",
    "define(`confSMTP_MAILER', `smtp8')dnl",
    "MODIFY_MAILER_FLAGS(`LOCAL', `+e')dnl",
    "MODIFY_MAILER_FLAGS(`ESMTP', `-X')dnl",
    "MODIFY_MAILER_FLAGS(`RELAY', `+%')dnl",
    "MODIFY_MAILER_FLAGS(`SMTP8', `mDFMuX8k')dnl",
    "LOCAL_DOMAIN(`alias.skills.com')dnl",
    "LOCAL_CONFIG",
    "Kmymap hash -o /etc/mail/mymap",
    "C{Special}vip",
    "LOCAL_RULE_3",
    "R$* < @ old.skills.com > $*\t$: $1 < @ skills.com > $2",
    "LOCAL_RULE_0",
    "R$+ < @ vip.skills.com . >\t$#local $: jerry",
    "LOCAL_RULE_1",
    "R$* < @ mx.oracle.test . >\t$: $1 < @ skills.com . >",
    "LOCAL_RULE_2",
    "R$+ < @ hidden.skills.com . >\t$: $1 < @ skills.com . >",
    "LOCAL_NET_CONFIG",
    "R$* < @ $* .lan . > $*\t$#esmtp $@ [192.0.2.1] $: $1 < @ $2 .lan . > $3",
    "LOCAL_RULESETS",
    "SLocal_check_rcpt",
    "R<vip@$=w>\t$# OK",
    "R$*\t$: $&{client_addr}",
    "R192.0.2.77\t$#error $@ 5.7.1 $: \"550 Not you\"",
    "SLocal_check_mail",
    "R<$* @ test.invalid>\t$#discard $: discard",
    "",
  ].join("\n") + "\n" + TAIL + "MAILER(`procmail')dnl\nMAILER(`usenet')dnl\n",

  msp_masq: "divert(0)dnl\ndefine(`__OSTYPE__',`')dnl\nMASQUERADE_AS(`example.com')dnl\nFEATURE(`masquerade_envelope')dnl\nFEATURE(`msp', `mailhub.skills.com', `MSA')dnl\n",

  nullclient_nocanon: "divert(0)dnl\nOSTYPE(`linux')dnl\nFEATURE(`nocanonify')dnl\nFEATURE(`nullclient', `[192.0.2.1]')dnl\n",

  uucp_neighbours: HEAD + "define(`UUCP_MAILER_MAX', `200000')dnl\ndefine(`UUCP_MAILER_CHARSET', `iso-8859-1')dnl\n" + TAIL +
    "MAILER(`uucp')dnl\nLOCAL_CONFIG\nCUoldhost\nCYnewhost\nCZdomhost\n",

  pseudo_relays: HEAD + [
    "define(`BITNET_RELAY', `bitnet-gw.example.net')dnl",
    "define(`DECNET_RELAY', `relay:decnet-gw.example.net')dnl",
    "define(`FAX_RELAY', `fax-gw.example.net')dnl",
    "define(`LUSER_RELAY', `error:5.1.1:550 No such user')dnl",
    "FEATURE(`genericstable', `hash -o /etc/mail/genericstable')dnl",
    "FEATURE(`access_db', `hash -T<TMPF> /etc/mail/access', `relaytofulladdress', `lookupdotdomain')dnl",
  ].join("\n") + "\n" + TAIL,

  uucp_relay: HEAD + "define(`UUCP_RELAY', `uucp-relay.example.net')dnl\ndefine(`UUCP_MAX_SIZE', `50000')dnl\nMASQUERADE_AS(`example.com')dnl\nFEATURE(`allmasquerade')dnl\n" + TAIL + "MAILER(`uucp')dnl\n",
};

/** Mailers to try (/try) for configurations that have more than the usual ones. */
export const MAILERS = {
  uucp_neighbours: ["local", "esmtp", "relay", "uucp-old", "uucp-new", "uucp-dom", "uucp-uudom"],
  uucp_relay: ["local", "esmtp", "relay", "uucp", "suucp", "uucp-dom", "uucp-uudom"],
};

/** Addresses worth adding to the corpus for these configurations. */
export const EXTRA_ADDRESSES = [
  "info+sales@smile.com", "x@sub.smile.com", "bob@legacy.skills.com", "u@old.example.com",
  "u@ftp.skills.com", "u@local.example.org", "u@proc.example.org", "u@example.net",
  "vip@mx.oracle.test", "u@host.lan", "u@old.skills.com", "u@vip.skills.com", "u@hidden.skills.com",
  "abuse@skills.com", "hater@skills.com", "badguy@example.com", "u@quarantine.example.net",
  "u@x.sub.example.org", "group.USENET", "user@POP", "mary+x", "user2+@mx.oracle.test",
  "u@oldhost.UUCP", "newhost!u", "domhost!u", "u@far.UUCP", "far!near!u", "mx!u", "u@mx.UUCP",
  "u@host.BITNET", "u@node.DECNET", "node::u", "u@555-1212.FAX", "nosuchuser", "jerry+x", "user@partner.example.org",
];
