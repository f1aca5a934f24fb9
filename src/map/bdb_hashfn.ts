/*
 * bdb_hashfn - the hash function of Berkeley DB's hash access method.
 *
 * Berkeley DB 5.3 hashes keys with a Fowler/Noll/Vo style function: start
 * at zero, for every byte multiply by the FNV prime 16777619 and xor the
 * byte in. The meta page records the hash of a fixed probe string so a
 * reader can tell which function built the file; that value is a constant
 * of the format (checked against files written by Debian's makemap).
 */

/** 32-bit hash of bytes[start, end), as Berkeley DB's default hash computes it. */
export function bdbHash(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0;
  for (let i = start; i < end; i++) h = Math.imul(h, 16777619) ^ bytes[i]!;
  return h >>> 0;
}

/** The h_charkey value a file written with the default hash function carries. */
export const BDB_HASH_CHARKEY = bdbHash(Buffer.from("%$sniglet^&\0", "latin1"));

/** Smallest i with 2**i >= n (Berkeley DB's log2 for bucket doublings). */
export function ceilLog2(n: number): number {
  return n <= 1 ? 0 : 32 - Math.clz32(n - 1);
}
