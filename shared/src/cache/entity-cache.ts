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
  close(): Promise<void>;
}
