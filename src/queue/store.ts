/*
 * store - the queue store API.
 *
 * Accepting a message: begin() reserves a queue id, the body is streamed
 * with write(), and commit(envelope) makes the message durable. commit()'s
 * promise resolves only once the body, the control file and the directory
 * entries naming them are on stable storage; the SMTP server answers 250
 * after that and not before. Implementations may let one directory fsync
 * cover the commits of several sessions (group commit): every commit still
 * waits for an fsync that started after its own renames.
 *
 * Delivering: claim(id) takes the job's lock (exclusive across processes,
 * released by the kernel if the holder dies); only the holder may update()
 * the control file or finish() (remove) the job.
 */

import type { QfEnvelope } from "./qf_format.js";

export interface IncomingMessage {
  readonly id: string;
  /** Append body octets (the part after the header, as it goes into the df file). */
  write(chunk: Buffer | string): Promise<void>;
  /** Store the message durably; resolves after the covering fsync. */
  commit(envelope: QfEnvelope): Promise<void>;
  /** Drop the message (temporary files removed). */
  abort(): Promise<void>;
}

export interface ClaimedMessage {
  readonly id: string;
  readonly envelope: QfEnvelope;
  /** Path of the body (df) file. */
  readonly bodyPath: string;
  /** Replace the control file atomically (tf, fsync, rename, directory fsync); the lock stays held. */
  update(envelope: QfEnvelope): Promise<void>;
  /** The job is done: remove its files and release the lock. */
  finish(): Promise<void>;
  /** Give the job back to the queue unchanged. */
  release(): Promise<void>;
}

export interface QueueStoreStats {
  /** commit() calls that completed. */
  readonly commits: number;
  /** Directory fsyncs done for commits (fewer than commits when batched). */
  readonly dirSyncs: number;
}

export interface QueueStore {
  /** Directory holding the qf files. */
  readonly directory: string;
  begin(): Promise<IncomingMessage>;
  /** Ids of the committed jobs, in directory order. */
  list(): Promise<string[]>;
  /** The job's envelope, or null if it does not exist (any more). */
  read(id: string): Promise<QfEnvelope | null>;
  claim(id: string): Promise<ClaimedMessage | null>;
  stats(): QueueStoreStats;
}
