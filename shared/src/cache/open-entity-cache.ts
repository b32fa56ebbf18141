// Which cache a service runs with, from its environment: Redis when REDIS_URL is set
// (shared between replicas, survives restarts), an in-process LRU otherwise.
import { readInt, readUrl } from "../config/env.js";
import type { Logger } from "../log.js";
import type { EntityCache } from "./entity-cache.js";
import { LruEntityCache } from "./lru-entity-cache.js";
import { RedisEntityCache } from "./redis-entity-cache.js";
import { TieredEntityCache } from "./tiered-entity-cache.js";

export interface CacheConfig {
  /** null = in-process LRU. */
  redisUrl: string | null;
  ttlSeconds: number;
  /**
   * Entries kept in process: the LRU without REDIS_URL, the near cache in front of Redis
   * with it; 0 = none (and without REDIS_URL no entity cache at all, see entityCacheOff).
   */
  maxEntries: number;
  /** How often the change feed's polling backstop looks for updated rows, ms. */
  pollMs: number;
}

export function readCacheConfig(env: Record<string, string | undefined>): CacheConfig {
  return {
    redisUrl: readUrl(env, "REDIS_URL", ["redis:", "rediss:"]) ?? null,
    ttlSeconds: readInt(env, "CACHE_TTL_SECONDS", 60, 1, 86_400),
    maxEntries: readInt(env, "CACHE_MAX_ENTRIES", 100_000, 0, 100_000_000),
    pollMs: readInt(env, "CACHE_POLL_MS", 1000, 10, 3_600_000),
  };
}

/** CACHE_MAX_ENTRIES=0 and no REDIS_URL: every read goes to the silo (benchmarks, diagnosis). */
export function entityCacheOff(config: CacheConfig): boolean {
  return config.redisUrl === null && config.maxEntries === 0;
}

export function openEntityCache(config: CacheConfig, log?: Logger): EntityCache {
  if (config.redisUrl === null) return new LruEntityCache({ maxEntries: config.maxEntries });
  const shared = new RedisEntityCache({ url: config.redisUrl, prefix: "onceonly:", log });
  return config.maxEntries > 0 ? new TieredEntityCache(shared, { maxEntries: config.maxEntries }) : shared;
}
