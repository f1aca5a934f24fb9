/*
 * output - diversions and the output sinks
 *
 * Diversion 0 is standard output; positive diversions hold text in memory
 * until they are undiverted (explicitly, or all of them in order at the end);
 * text sent to a negative diversion is thrown away.
 */

/** Where the interpreter's bytes go: a CLI writes to fds, the API collects. */
export interface Sink {
  /** Standard output (latin1 "binary" string: one char per byte). */
  out(text: string): void;
  /** Standard error. */
  err(text: string): void;
  /** Push buffered output through before a child process writes too. */
  flush(): void;
  /** Whether child processes may write to our standard error directly. */
  readonly childStderrInherit: boolean;
}

/** A Sink that keeps everything in memory (for the in-process API and tests). */
export class MemorySink implements Sink {
  readonly childStderrInherit = false;
  private readonly o: string[] = [];
  private readonly e: string[] = [];
  out(text: string): void {
    this.o.push(text);
  }
  err(text: string): void {
    this.e.push(text);
  }
  flush(): void {}
  /** stdout - everything written to standard output */
  stdout(): string {
    return this.o.join("");
  }
  /** stderr - everything written to standard error */
  stderr(): string {
    return this.e.join("");
  }
}

/** The diversions. */
export class Diversions {
  current = 0;
  private readonly held = new Map<number, string[]>();

  constructor(private readonly sink: Sink) {}

  /** write - send text to the current diversion */
  write(text: string): void {
    const n = this.current;
    if (n === 0) this.sink.out(text);
    else if (n > 0) {
      let d = this.held.get(n);
      if (d === undefined) this.held.set(n, (d = []));
      d.push(text);
    }
  }

  /** divert - make n the current diversion */
  divert(n: number): void {
    this.current = n;
  }

  /** undivert - append diversion n to the current one and empty it */
  undivert(n: number): void {
    if (n <= 0 || n === this.current) return;
    const d = this.held.get(n);
    if (d === undefined) return;
    this.held.delete(n);
    if (d.length > 0) this.write(d.join(""));
  }

  /** undivertAll - undivert every diversion in increasing order */
  undivertAll(): void {
    const ns = [...this.held.keys()].sort((a, b) => a - b);
    for (const n of ns) this.undivert(n);
  }

  /** discardAll - forget all held text (m4exit) */
  discardAll(): void {
    this.held.clear();
  }
}
