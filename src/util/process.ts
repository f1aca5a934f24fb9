/*
 * util/process - facts about other processes
 */

/** alive - whether a process exists (EPERM: it does, but belongs to someone else) */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
