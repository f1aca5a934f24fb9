/*
 * policy - the seam between the SMTP protocol layer and the policy rulesets
 * (check_relay, check_mail, check_rcpt, check_data, check_vrfy/expn/etrn,
 * greet_pause, srv_features). The ruleset engine (src/ruleset) will provide
 * an implementation; AcceptAllPolicy accepts everything.
 *
 * Each check returns null to go on with the protocol's own reply, or a
 * Reply to send instead (a 4xx/5xx rejects the command; reply.close ends the
 * session). Results may be Promises.
 */

import type { Reply } from "./reply.js";
import type { MailParams, RcptParams } from "./esmtp_params.js";

export interface ClientInfo {
  /** Peer address ("127.0.0.1", "::1") or null (stdin, -bs). */
  readonly address: string | null;
  readonly port: number | null;
  /** The client's resolved name, or null. */
  readonly name: string | null;
  /**
   * How sendmail names the client in replies (EHLO "Hello %s", "Command too
   * long, possible attack %s"): "name [addr]" (with " (may be forged)") for a
   * daemon, "localhost [[UNIX: localhost]]" or "user@localhost" for -bs.
   */
  readonly display: string;
  /** RealHostName as used by "collect: relay=%s" ("localhost" for -bs). */
  readonly relayName: string;
}

export interface SessionView {
  readonly client: ClientInfo;
  readonly helo: string | null;
  readonly esmtp: boolean;
  readonly sender: string | null;
  readonly recipients: readonly string[];
}

/** Server features decided per connection (sendmail's srv_features ruleset letters). */
export interface ServerFeatures {
  /** Letters as returned by srv_features ("O", "p", ...): upper case turns off, lower case on. */
  readonly letters: string;
}

export type Maybe<T> = T | Promise<T>;

export interface Policy {
  /** After connect (check_relay). A reply rejects the connection. */
  checkRelay(client: ClientInfo): Maybe<Reply | null>;
  /** srv_features: letters for this client (default ""). */
  serverFeatures?(client: ClientInfo): Maybe<string>;
  /** greet_pause: milliseconds to wait before the greeting (0: none). */
  greetPause?(client: ClientInfo): Maybe<number>;
  checkHelo?(name: string, session: SessionView): Maybe<Reply | null>;
  checkMail(address: string, params: MailParams, session: SessionView): Maybe<Reply | null>;
  checkRcpt(address: string, params: RcptParams, session: SessionView): Maybe<Reply | null>;
  /** At DATA (check_data), before the 354. */
  checkData(session: SessionView): Maybe<Reply | null>;
  /** VRFY / EXPN answers (address lookups); null: "252 2.5.2 Cannot VRFY user..." / treated likewise. */
  vrfy?(address: string, session: SessionView): Maybe<Reply | null>;
  expn?(address: string, session: SessionView): Maybe<Reply | null>;
  /** ETRN (check_etrn + queue run start). null: "250 2.0.0 Queuing for node X started". */
  etrn?(arg: string, session: SessionView): Maybe<Reply | null>;
}

export class AcceptAllPolicy implements Policy {
  checkRelay(): null {
    return null;
  }
  checkMail(): null {
    return null;
  }
  checkRcpt(): null {
    return null;
  }
  checkData(): null {
    return null;
  }
}
