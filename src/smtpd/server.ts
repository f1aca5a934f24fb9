/*
 * server - a net.Server running one Session per connection (used by tests
 * for now; the daemon wiring of issue 6 will build on it).
 */

import { createServer, type Server, type Socket } from "node:net";
import type { SmtpdConfig } from "./config.js";
import type { ClientInfo, Policy } from "./policy.js";
import { Session } from "./session.js";
import type { MessageSink } from "./sink.js";

export interface SmtpServerOptions {
  readonly config: SmtpdConfig;
  readonly policy: Policy;
  readonly sink: MessageSink;
  /** Name the client (reverse lookup belongs to the daemon layer); default: "[addr]". */
  readonly describeClient?: (socket: Socket) => ClientInfo;
}

function defaultClient(socket: Socket): ClientInfo {
  const addr = socket.remoteAddress ?? null;
  const a = addr?.startsWith("::ffff:") === true ? addr.slice(7) : addr;
  const shown = a === null ? "localhost" : a.includes(":") ? `IPv6:${a}` : a;
  return { address: a, port: socket.remotePort ?? null, name: null, display: `[${shown}]`, relayName: `[${shown}]` };
}

export function createSmtpServer(opts: SmtpServerOptions): Server {
  return createServer((socket) => {
    const client = (opts.describeClient ?? defaultClient)(socket);
    const session = new Session(opts.config, opts.policy, opts.sink, client, {
      send: (text) => {
        if (!socket.destroyed) socket.write(Buffer.from(text, "latin1"));
      },
      close: () => socket.end(),
    });
    socket.on("data", (b: Buffer) => session.feed(b));
    socket.on("end", () => session.end());
    socket.on("error", () => session.close());
    socket.on("close", () => session.close());
    void session.start();
  });
}
