// The in-process default (no REDIS_URL): bounded by entry count so a verification burst
// over a million licences cannot grow the heap without limit; per-entry TTL so the
// staleness bound is the same as with Redis.
import { LRUCache } from "lru-cache";
import type { EntityCache } from "./entity-cache.js";

export class LruEntityCache implements EntityCache {
  private readonly entries: LRUCache<string, string>;

  constructor(options: { maxEntries: number }) {
    this.entries = new LRUCache<string, string>({ max: options.maxEntries });
  }

  async mget(keys: string[]): Promise<(string | null)[]> {
    return keys.map((key) => this.entries.get(key) ?? null);
  }

  async mset(entries: [string, string][], ttlSeconds: number): Promise<void> {
    for (const [key, value] of entries) this.entries.set(key, value, { ttl: ttlSeconds * 1000 });
  }

  async claim(entries: [string, string][], ttlSeconds: number): Promise<(string | null)[]> {
    return entries.map(([key, value]) => {
      const held = this.entries.get(key);
      if (held !== undefined) return held;
      this.entries.set(key, value, { ttl: ttlSeconds * 1000 });
      return value;
    });
  }

  async del(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
