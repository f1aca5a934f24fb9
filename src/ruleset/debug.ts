/*
 * debug - sendmail's -d flags: "-d21.12", "-d0-99.5", "-d21,60.1" set
 * levels per category; tTd(cat, level) asks whether a level is reached.
 */

/** The debug levels of categories 0..99. */
export class DebugFlags {
  readonly levels = new Uint8Array(100);

  /** tTflag(): parse one -d argument (without "-d"); empty means "0-99.1". */
  set(spec: string): void {
    if (spec.length === 0) spec = "0-99.1";
    let i = 0;
    const n = spec.length;
    const num = (): number => {
      let v = 0;
      while (i < n && spec.charCodeAt(i) >= 0x30 && spec.charCodeAt(i) <= 0x39) v = v * 10 + (spec.charCodeAt(i++) - 0x30);
      return v;
    };
    for (;;) {
      const first = num();
      let last = first;
      if (spec[i] === "-") {
        i++;
        last = num();
      }
      let level = 1;
      if (spec[i] === ".") {
        i++;
        level = num();
      }
      if (last >= this.levels.length) last = this.levels.length - 1;
      for (let c = first; c <= last; c++) this.levels[c] = Math.min(255, level);
      if (spec[i] !== ",") break;
      i++;
    }
  }

  /** tTd(cat, level) */
  on(cat: number, level: number): boolean {
    return this.levels[cat]! >= level;
  }
}
