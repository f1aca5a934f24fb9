/*
 * rewrite - sendmail's map_rewrite(): fill a looked-up value's %n slots.
 *
 * "%1".."%9" become the $@ arguments of the lookup (nothing when absent),
 * "%0" the key as the rule passed it (before case folding), "%%" a single
 * "%"; a "%" before anything else, or at the end, stays as it is. This is
 * what turns a virtusertable value "%1@example.net" into "user@example.net".
 */

/** Value with %0..%9 and %% replaced. */
export function mapRewrite(value: string, key: string, args: readonly string[] = []): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c !== "%" || i + 1 >= value.length) {
      out += c;
      continue;
    }
    const d = value[i + 1]!;
    if (d >= "0" && d <= "9") {
      const n = d.charCodeAt(0) - 48;
      out += n === 0 ? key : (args[n - 1] ?? "");
      i++;
    } else if (d === "%") {
      out += "%";
      i++;
    } else out += c;
  }
  return out;
}
