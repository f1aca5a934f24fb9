/*
 * sink - the seam between the SMTP server and the queue. begin() is called
 * at DATA with the envelope; the message text (LF line ends, dots
 * unstuffed, without the final ".") is written in chunks; commit() makes
 * the message the queue's responsibility and returns its queue id, abort()
 * drops it (error, timeout, size exceeded, lost connection).
 */

import type { MailParams, RcptParams } from "./esmtp_params.js";

export interface EnvelopeRecipient {
  readonly address: string;
  readonly params: RcptParams;
}

export interface Envelope {
  readonly sender: string;
  readonly mailParams: MailParams;
  readonly recipients: readonly EnvelopeRecipient[];
  readonly helo: string | null;
  readonly protocol: "SMTP" | "ESMTP";
  readonly clientAddress: string | null;
  readonly clientName: string | null;
}

export interface MessageInfo {
  /** Size in octets (LF line ends). */
  readonly size: number;
  /** Received: header fields seen (hop count). */
  readonly hops: number;
  /** hops > MaxHopCount: sendmail still answers 250 and bounces at delivery ("554 5.4.6 Too many hops"). */
  readonly tooManyHops: boolean;
}

export interface MessageWriter {
  write(chunk: Buffer): void;
  commit(info: MessageInfo): Promise<{ queueId: string }>;
  abort(): void;
}

export interface MessageSink {
  begin(envelope: Envelope): MessageWriter;
}

export interface StoredMessage {
  readonly envelope: Envelope;
  readonly data: Buffer;
  readonly info: MessageInfo;
  readonly queueId: string;
}

/** Keeps committed messages in memory (tests). Queue ids look like sendmail's ("6AP3k5Rs000759"). */
export class MemorySink implements MessageSink {
  readonly messages: StoredMessage[] = [];
  private counter = 0;

  begin(envelope: Envelope): MessageWriter {
    const chunks: Buffer[] = [];
    let open = true;
    return {
      write: (chunk) => {
        if (open) chunks.push(chunk);
      },
      commit: async (info) => {
        open = false;
        const queueId = `00AA${String(++this.counter).padStart(10, "0")}`;
        this.messages.push({ envelope, data: Buffer.concat(chunks), info, queueId });
        return { queueId };
      },
      abort: () => {
        open = false;
      },
    };
  }
}
