/*
 * map_file - the contract between the map service and an on-disk format.
 *
 * A format reader answers exact-key lookups on raw bytes and can walk all
 * its entries (for makemap -u and praliases). It reads through a file
 * descriptor it was given; corruption is reported by throwing
 * MapFormatError, which the service turns into a temporary failure.
 */

/** One open map file of some format. */
export interface MapFile {
  /** The value stored under exactly these key bytes (the first, if duplicated), or null. */
  get(key: Uint8Array): Buffer | null;
  /**
   * get() decoded as latin1 up to the first NUL, without the intermediate
   * Buffer (the lookup hot path); optional.
   */
  getText?(key: Uint8Array): string | null;
  /** Every key/value pair in the format's native order (duplicates each). */
  entries(): Iterable<[Buffer, Buffer]>;
}
