/*
 * session - one SMTP server connection as a state machine (OpenSMTPD /
 * smtp-stream style): bytes come in through feed()/end(), replies go out
 * through the send callback; the transaction (sender, recipients) is a
 * separate object rebuilt by each accepted MAIL and dropped by RSET,
 * HELO/EHLO and the end of DATA. Commands live in commands.ts.
 *
 * Checks against stuffing (sendmail 8.18 / Debian 8.17.1.9): a command
 * after which the client must wait for our reply (HELO, EHLO, DATA) that
 * arrives with more input behind it is answered "554 5.5.0 SMTP protocol
 * error"; after DATA the connection is closed, otherwise every further
 * command except NOOP, RSET and QUIT gets "550 5.0.0 Command rejected"
 * (sendmail's "nomail" state, also used for pre-greeting traffic with
 * greet_pause). srv_features letter "P" (no PIPELINING) does not relax it.
 */

import { DataStream } from "./data_stream.js";
import type { DsnState, MailParams, RcptParams } from "./esmtp_params.js";
import { LineReader } from "./line_reader.js";
import type { ClientInfo, Policy, SessionView } from "./policy.js";
import { formatReply, reply, type Reply } from "./reply.js";
import type { MessageSink, MessageWriter } from "./sink.js";
import type { SmtpdConfig } from "./config.js";
import { dispatch } from "./commands.js";

export class Transaction {
  readonly recipients: { address: string; params: RcptParams }[] = [];
  constructor(
    readonly sender: string,
    readonly senderRaw: string,
    readonly params: MailParams,
  ) {}
}

export interface SessionIo {
  send(text: string): void;
  close(): void;
}

type Mode = "command" | "data" | "closed";

export class Session implements SessionView {
  helo: string | null = null;
  esmtp = false;
  tx: Transaction | null = null;
  dsnState: DsnState = { retSeen: false, envidSeen: false };
  /** "nomail" state after a protocol violation. */
  rejectAll = false;
  badCommands = 0;
  features: string;
  /** Relaxations of the DATA line-end checks (see data_stream.ts). */
  dataOptions: { allowBareLf?: boolean; allowBareCr?: boolean } = {};
  private mode: Mode = "command";
  private readonly reader = new LineReader();
  private data: { stream: DataStream; writer: MessageWriter; failed: Reply | null } | null = null;
  private busy = false;
  private timer: NodeJS.Timeout | null = null;
  private started = false;

  constructor(
    readonly config: SmtpdConfig,
    readonly policy: Policy,
    readonly sink: MessageSink,
    readonly client: ClientInfo,
    private readonly io: SessionIo,
    /** srv_features letters (upper case turns a feature off). */
    features = "",
  ) {
    this.features = features;
  }

  get sender(): string | null {
    return this.tx?.sender ?? null;
  }
  get recipients(): readonly string[] {
    return this.tx?.recipients.map((r) => r.address) ?? [];
  }
  get closed(): boolean {
    return this.mode === "closed";
  }

  /** Feature on unless its upper-case letter was given (lower case turns it on again). */
  feature(letter: string): boolean {
    const up = letter.toUpperCase();
    const lo = letter.toLowerCase();
    let on = true;
    for (const c of this.features) {
      if (c === up) on = false;
      else if (c === lo) on = true;
    }
    return on;
  }

  /** Send the greeting (after check_relay). Input that arrived before it counts as pre-greeting traffic. */
  async start(): Promise<void> {
    const r = await this.policy.checkRelay(this.client);
    if (r !== null) {
      this.send(r);
      if (r.close === true || r.code === 421) return this.close();
      this.rejectAll = true;
    } else {
      const pause = this.policy.greetPause ? await this.policy.greetPause(this.client) : 0;
      if (pause > 0) {
        await new Promise((res) => setTimeout(res, pause));
        if (this.reader.hasBuffered()) {
          this.rejectAll = true;
          this.send(reply(554, null, `${this.config.hostname} ESMTP not accepting messages`));
        }
      }
      if (!this.rejectAll) {
        const g = this.config.greeting;
        const sp = g.indexOf(" ");
        const text = sp < 0 ? `${g} ESMTP` : `${g.slice(0, sp)} ESMTP${g.slice(sp)}`;
        this.send(reply(220, null, text));
      }
    }
    this.started = true;
    this.armTimer();
    await this.pump();
  }

  feed(chunk: Buffer): void {
    if (this.mode === "closed") return;
    this.reader.push(chunk);
    if (this.started) void this.pump();
  }

  end(): void {
    this.reader.end();
    if (this.started) void this.pump();
  }

  send(r: Reply): void {
    if (this.mode === "closed") return;
    this.io.send(formatReply(r));
  }

  close(): void {
    if (this.mode === "closed") return;
    if (this.data !== null) {
      this.data.writer.abort();
      this.data = null;
    }
    this.mode = "closed";
    if (this.timer !== null) clearTimeout(this.timer);
    this.io.close();
  }

  /** Whether more input is already waiting (pipelined or stuffed). */
  inputPending(): boolean {
    return this.reader.hasBuffered();
  }

  resetTransaction(): void {
    this.tx = null;
    this.dsnState = { retSeen: false, envidSeen: false };
  }

  private armTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.mode === "closed") return;
    const ms = this.mode === "data" ? this.config.timeouts.datablock : this.config.timeouts.command;
    if (ms > 0) this.timer = setTimeout(() => this.onTimeout(), ms);
  }

  private onTimeout(): void {
    if (this.mode === "data" && this.data !== null && this.tx !== null) {
      this.send(reply(421, "4.4.1", `collect: relay=${this.client.relayName}, from=<${this.tx.sender}>, info=read timeout`));
    }
    // in command mode sendmail just drops the connection ("timeout waiting for input" is logged)
    this.close();
  }

  /** Process buffered input until none is left or we wait for something. */
  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.mode !== "closed") {
        if (this.mode === "data") {
          if (!this.pumpData()) break;
          continue;
        }
        const r = this.reader.readLine();
        if (r.kind === "tooLong") {
          this.send(reply(421, "4.7.0", `${this.config.hostname} Command too long, possible attack ${this.client.display}`));
          this.close();
          break;
        }
        if (r.kind === "none") {
          if (this.reader.ended) {
            // sendmail: "421 4.4.1 %s Lost input channel from %s" is only seen by a peer that is gone
            this.close();
          }
          break;
        }
        this.armTimer();
        await dispatch(this, r.line);
        this.armTimer();
      }
    } finally {
      this.busy = false;
    }
  }

  /** Enter DATA mode after the 354. */
  beginData(writer: MessageWriter): void {
    this.mode = "data";
    // TODO(verify against 8.18 docs): which srv_features letters relax the bare LF/CR checks
    const stream = new DataStream((chunk) => writer.write(chunk), this.dataOptions);
    this.data = { stream, writer, failed: null };
    this.armTimer();
  }

  /** Returns true if it made progress and the loop should continue. */
  private pumpData(): boolean {
    const d = this.data!;
    if (!this.reader.hasBuffered()) {
      if (this.reader.ended) {
        this.send(reply(421, "4.4.1", `collect: relay=${this.client.relayName}, from=<${this.tx?.sender ?? ""}>, info=unexpected close`));
        this.close();
      }
      return false;
    }
    const ev = d.stream.feed(this.reader.takeRaw());
    this.armTimer();
    if (ev.kind === "more") {
      if (d.failed === null && this.config.maxMessageSize > 0 && d.stream.size > this.config.maxMessageSize) {
        d.failed = reply(552, "5.2.3", `Message exceeds maximum fixed size (${this.config.maxMessageSize})`);
        d.writer.abort();
      }
      return false;
    }
    if (ev.kind === "bareLf" || ev.kind === "bareCr") {
      const what = ev.kind === "bareLf" ? "Bare linefeed (LF)" : "Bare carriage return (CR)";
      this.send(reply(421, "4.5.0", `${what} not allowed`));
      this.close();
      return false;
    }
    this.reader.unshift(ev.rest);
    this.mode = "command";
    this.data = null;
    void this.finishData(d);
    return false;
  }

  private async finishData(d: { stream: DataStream; writer: MessageWriter; failed: Reply | null }): Promise<void> {
    this.busy = true;
    try {
      if (d.failed === null && this.config.maxMessageSize > 0 && d.stream.size > this.config.maxMessageSize) {
        d.failed = reply(552, "5.2.3", `Message exceeds maximum fixed size (${this.config.maxMessageSize})`);
        d.writer.abort();
      }
      if (d.failed !== null) {
        this.send(d.failed);
      } else {
        const { queueId } = await d.writer.commit({
          size: d.stream.size,
          hops: d.stream.hops,
          tooManyHops: d.stream.hops > this.config.maxHopCount,
        });
        this.send(reply(250, "2.0.0", `${queueId} Message accepted for delivery`));
      }
      this.resetTransaction();
    } finally {
      this.busy = false;
    }
    this.armTimer();
    await this.pump();
  }
}
