// Redis with an in-process near cache in front of it. Profiling the benchmark showed a
// Redis hit costing a subgraph about as much CPU as the silo statement it replaced (a
// socket write and read per round trip), so a hit the process already holds must not
// leave the process. Reads try the local LRU first and ask Redis only for its misses;
// every write and delete goes to both.
//
// Freshness stays bounded the same way: invalidations reach every replica's near cache
// through the silos' change feeds (each replica LISTENs and deletes here, locally and in
// Redis), a replica's own writes delete at once, and local entries never outlive the TTL
// they were written with.
import type { EntityCache } from "./entity-cache.js";
import { LruEntityCache } from "./lru-entity-cache.js";

export class TieredEntityCache implements EntityCache {
  private readonly near: LruEntityCache;

  constructor(
    private readonly far: EntityCache,
    options: { maxEntries: number },
  ) {
    this.near = new LruEntityCache({ maxEntries: options.maxEntries });
  }

  /** The shared cache behind the near one (for readiness checks and tests). */
  get shared(): EntityCache {
    return this.far;
  }

  async mget(keys: string[]): Promise<(string | null)[]> {
    const values = await this.near.mget(keys);
    const missing = keys.flatMap((_k, i) => (values[i] === null ? [i] : []));
    if (missing.length === 0) return values;
    const fetched = await this.far.mget(missing.map((i) => keys[i]));
    // A far hit is not copied into the near cache: its remaining TTL is unknown here,
    // and a near entry must never outlive the far one it mirrors.
    missing.forEach((i, j) => (values[i] = fetched[j]));
    return values;
  }

  async mset(entries: [string, string][], ttlSeconds: number): Promise<void> {
    await this.near.mset(entries, ttlSeconds);
    await this.far.mset(entries, ttlSeconds);
  }

  async claim(entries: [string, string][], ttlSeconds: number): Promise<(string | null)[]> {
    // Generation tokens must agree across replicas: the shared cache decides, and the
    // near cache keeps what it decided only when it was set now (TTL known).
    if (!this.far.claim) {
      await this.mset(entries, ttlSeconds);
      return entries.map(([, value]) => value);
    }
    const held = await this.far.claim(entries, ttlSeconds);
    const fresh = entries.filter(([, value], i) => held[i] === value);
    if (fresh.length > 0) await this.near.mset(fresh, ttlSeconds);
    return held;
  }

  async del(keys: string[]): Promise<void> {
    await this.near.del(keys);
    await this.far.del(keys);
  }

  async close(): Promise<void> {
    await this.near.close();
    await this.far.close();
  }
}
