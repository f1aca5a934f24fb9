/*
 * store_fs - the queue store on a sendmail queue directory.
 *
 * Files, as sendmail names them: qf<id> control file, df<id> body, tf<id>
 * control file being written, xf<id> transcript. A queue directory with qf/,
 * df/ and xf/ subdirectories keeps each kind there. Our one addition is the
 * body's temporary name, tD<id> (sendmail ignores names that do not start
 * with qf, hf or Qf).
 *
 * Accepting a message:
 *   begin()   picks an id and creates tf<id> with O_EXCL (no other process
 *             can own the id: sendmail reserves ids by creating qf<id>
 *             with O_EXCL, and our ids embed the pid), and tD<id> for the body;
 *   write()   appends to tD<id>;
 *   commit()  writes the control file into tf<id>; fsyncs both files;
 *             renames tD<id> -> df<id> and then tf<id> -> qf<id> (the qf
 *             rename is the moment the job exists); fsyncs the directory.
 * The directory fsync is shared (group commit): commits whose renames are
 * done while an fsync is running wait for the next one, which then covers
 * all of them. With no concurrency there is no added delay.
 *
 * Files get QueueFileMode exactly (fchmod, independent of the umask).
 * fsync can be turned off (SuperSafe=False): commit then resolves after
 * the renames.
 */

import type { FileHandle } from "node:fs/promises";
import { fs, path as pathMod, lazyRequire } from "../util/node.js";
import { defaultLocker, type HeldLock, type Locker } from "./lock.js";
import { parseQf, serializeQf, type QfEnvelope } from "./qf_format.js";
import { QueueIdGenerator } from "./queue_id.js";
import type { ClaimedMessage, IncomingMessage, QueueStore, QueueStoreStats } from "./store.js";

const fsp = lazyRequire<typeof import("node:fs/promises")>("node:fs/promises");

export interface FsQueueStoreOptions {
  /** File mode of queue files (QueueFileMode; default 0600). */
  readonly fileMode?: number;
  /** fsync files and directories (SuperSafe; default true). */
  readonly fsync?: boolean;
  readonly ids?: QueueIdGenerator;
  readonly locker?: Locker;
}

/** One fsync of a directory shared by every request made before it started. */
class DirSyncBatcher {
  private running = false;
  private waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  syncs = 0;
  constructor(private readonly dirs: readonly string[]) {}

  request(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.running || this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    this.running = true;
    this.syncs++;
    Promise.all(this.dirs.map((d) => syncPath(d))).then(
      () => {
        for (const w of batch) w.resolve();
      },
      (e: unknown) => {
        for (const w of batch) w.reject(e);
      },
    ).finally(() => {
      this.running = false;
      this.kick();
    });
  }
}

async function syncPath(p: string): Promise<void> {
  const fh = await fsp.open(p, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export class FsQueueStore implements QueueStore {
  readonly directory: string;
  readonly dataDirectory: string;
  readonly transcriptDirectory: string;
  readonly fileMode: number;
  readonly fsync: boolean;
  private readonly ids: QueueIdGenerator;
  private readonly locker: Locker;
  private readonly batcher: DirSyncBatcher;
  private commits = 0;

  /** Open a queue directory (it must exist). */
  constructor(queueDir: string, opts: FsQueueStoreOptions = {}) {
    const sub = (name: string): string => {
      const p = pathMod.join(queueDir, name);
      return isDir(p) ? p : queueDir;
    };
    this.directory = sub("qf");
    this.dataDirectory = sub("df");
    this.transcriptDirectory = sub("xf");
    this.fileMode = opts.fileMode ?? 0o600;
    this.fsync = opts.fsync ?? true;
    this.ids = opts.ids ?? new QueueIdGenerator();
    this.locker = opts.locker ?? defaultLocker();
    const dirs = this.dataDirectory === this.directory ? [this.directory] : [this.dataDirectory, this.directory];
    this.batcher = new DirSyncBatcher(dirs);
  }

  qfPath(id: string): string {
    return pathMod.join(this.directory, "qf" + id);
  }
  dfPath(id: string): string {
    return pathMod.join(this.dataDirectory, "df" + id);
  }
  xfPath(id: string): string {
    return pathMod.join(this.transcriptDirectory, "xf" + id);
  }
  private tfPath(id: string): string {
    return pathMod.join(this.directory, "tf" + id);
  }
  private tmpBodyPath(id: string): string {
    return pathMod.join(this.dataDirectory, "tD" + id);
  }

  stats(): QueueStoreStats {
    return { commits: this.commits, dirSyncs: this.batcher.syncs };
  }

  async begin(): Promise<IncomingMessage> {
    for (;;) {
      const id = this.ids.next();
      if (fs.existsSync(this.qfPath(id))) continue;
      let tf: FileHandle;
      try {
        tf = await fsp.open(this.tfPath(id), "wx", this.fileMode);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") continue;
        throw e;
      }
      let body: FileHandle;
      try {
        body = await fsp.open(this.tmpBodyPath(id), "w", this.fileMode);
        await Promise.all([tf.chmod(this.fileMode), body.chmod(this.fileMode)]);
      } catch (e) {
        await tf.close();
        await fsp.rm(this.tfPath(id), { force: true });
        throw e;
      }
      return new FsIncoming(this, id, tf, body);
    }
  }

  /** @internal used by FsIncoming */
  async commitFiles(id: string, tf: FileHandle, body: FileHandle, envelope: QfEnvelope): Promise<void> {
    await tf.write(Buffer.from(serializeQf(envelope), "latin1"), 0, undefined, 0);
    if (this.fsync) await Promise.all([tf.sync(), body.sync()]);
    await Promise.all([tf.close(), body.close()]);
    await fsp.rename(this.tmpBodyPath(id), this.dfPath(id));
    await fsp.rename(this.tfPath(id), this.qfPath(id));
    if (this.fsync) await this.batcher.request();
    this.commits++;
  }

  /** @internal */
  async abortFiles(id: string): Promise<void> {
    await Promise.all([fsp.rm(this.tfPath(id), { force: true }), fsp.rm(this.tmpBodyPath(id), { force: true })]);
  }

  async list(): Promise<string[]> {
    const ids: string[] = [];
    const dir = fs.opendirSync(this.directory, { bufferSize: 1024 });
    try {
      for (let e = dir.readSync(); e !== null; e = dir.readSync()) {
        if (e.name.startsWith("qf") && e.name.length > 2) ids.push(e.name.slice(2));
      }
    } finally {
      dir.closeSync();
    }
    return ids;
  }

  async read(id: string): Promise<QfEnvelope | null> {
    let text: string;
    try {
      text = await fsp.readFile(this.qfPath(id), "latin1");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
    return parseQf(text);
  }

  async claim(id: string): Promise<ClaimedMessage | null> {
    const lock = await this.locker.tryLock(this.qfPath(id));
    if (lock === null) return null;
    try {
      const env = await this.read(id);
      if (env === null) {
        await lock.release();
        return null;
      }
      return new FsClaimed(this, id, env, lock);
    } catch (e) {
      await lock.release();
      throw e;
    }
  }

  /** @internal rewrite qf via tf under a new lock; returns the new lock. */
  async rewrite(id: string, envelope: QfEnvelope, old: HeldLock): Promise<HeldLock> {
    const tfp = this.tfPath(id);
    const fh = await fsp.open(tfp, "wx", this.fileMode);
    try {
      await fh.chmod(this.fileMode);
      await fh.write(Buffer.from(serializeQf(envelope), "latin1"), 0, undefined, 0);
      if (this.fsync) await fh.sync();
    } finally {
      await fh.close();
    }
    if (!this.locker.inodeBound) {
      await fsp.rename(tfp, this.qfPath(id));
      if (this.fsync) await this.batcher.request();
      return old;
    }
    // lock the new inode before it becomes the qf, as sendmail does
    const next = await this.locker.tryLock(tfp);
    if (next === null) {
      await fsp.rm(tfp, { force: true });
      throw new Error(`cannot lock ${tfp}`);
    }
    await fsp.rename(tfp, this.qfPath(id));
    if (this.fsync) await this.batcher.request();
    await old.release();
    return new RenamedLock(next, this.qfPath(id));
  }

  /** @internal */
  async remove(id: string): Promise<void> {
    // the qf goes first: without it the job no longer exists
    await fsp.rm(this.qfPath(id), { force: true });
    await Promise.all([fsp.rm(this.dfPath(id), { force: true }), fsp.rm(this.xfPath(id), { force: true })]);
    if (this.fsync) await this.batcher.request();
  }
}

/** A lock taken on a tf that was then renamed to qf. */
class RenamedLock implements HeldLock {
  constructor(
    private readonly inner: HeldLock,
    readonly path: string,
  ) {}
  release(): Promise<void> {
    return this.inner.release();
  }
}

class FsIncoming implements IncomingMessage {
  private state: "open" | "committing" | "done" = "open";
  private offset = 0;
  constructor(
    private readonly store: FsQueueStore,
    readonly id: string,
    private readonly tf: FileHandle,
    private readonly body: FileHandle,
  ) {}

  async write(chunk: Buffer | string): Promise<void> {
    if (this.state !== "open") throw new Error(`message ${this.id} is no longer open`);
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    let done = 0;
    while (done < buf.length) {
      const { bytesWritten } = await this.body.write(buf, done, buf.length - done, this.offset);
      done += bytesWritten;
      this.offset += bytesWritten;
    }
  }

  async commit(envelope: QfEnvelope): Promise<void> {
    if (this.state !== "open") throw new Error(`message ${this.id} is no longer open`);
    this.state = "committing";
    try {
      await this.store.commitFiles(this.id, this.tf, this.body, envelope);
      this.state = "done";
    } catch (e) {
      this.state = "done";
      await Promise.allSettled([this.tf.close(), this.body.close()]);
      await this.store.abortFiles(this.id);
      throw e;
    }
  }

  async abort(): Promise<void> {
    if (this.state !== "open") return;
    this.state = "done";
    await Promise.allSettled([this.tf.close(), this.body.close()]);
    await this.store.abortFiles(this.id);
  }
}

class FsClaimed implements ClaimedMessage {
  private released = false;
  constructor(
    private readonly store: FsQueueStore,
    readonly id: string,
    public envelope: QfEnvelope,
    private lock: HeldLock,
  ) {}

  get bodyPath(): string {
    return this.envelope.dataDir !== undefined
      ? pathMod.join(this.envelope.dataDir, "df" + this.id)
      : this.store.dfPath(this.id);
  }

  async update(envelope: QfEnvelope): Promise<void> {
    if (this.released) throw new Error(`job ${this.id} is not held`);
    this.lock = await this.store.rewrite(this.id, envelope, this.lock);
    this.envelope = envelope;
  }

  async finish(): Promise<void> {
    if (this.released) throw new Error(`job ${this.id} is not held`);
    try {
      await this.store.remove(this.id);
    } finally {
      await this.release();
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.lock.release();
  }
}
