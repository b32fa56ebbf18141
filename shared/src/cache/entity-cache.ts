// The entity cache behind the subgraphs' batch functions (design.md §7): strings in,
// strings out, so one interface fits an in-process LRU and a shared Redis. A cache is an
// optimisation, never a dependency: implementations answer a miss (or do nothing) rather
// than fail a request.

export interface EntityCache {
  /** One round trip for the whole batch; null where the key is absent or expired. */
  mget(keys: string[]): Promise<(string | null)[]>;
  /** Every entry gets the same time to live. */
  mset(entries: [string, string][], ttlSeconds: number): Promise<void>;
  del(keys: string[]): Promise<void>;
  /**
   * Sets each key only where it is absent, and answers the value each key holds afterwards,
   * in one round trip (generation tokens: two loaders creating one at once must agree).
   * Optional: without it scopedBatch falls back to mset, where such a race costs a cache
   * miss later, never a stale answer. Wrappers should forward it.
   */
  claim?(entries: [string, string][], ttlSeconds: number): Promise<(string | null)[]>;
  close(): Promise<void>;
}
