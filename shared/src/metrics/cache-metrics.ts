// Entity cache hits and misses, per key looked up: a decorator around any EntityCache,
// so the cache implementations stay free of metrics code.
import type { EntityCache } from "../cache/entity-cache.js";
import { defineCounter } from "./registry.js";

export function countCacheRequests(cache: EntityCache): EntityCache {
  const requests = defineCounter({
    name: "onceonly_cache_requests_total",
    help: "Entity cache lookups, per key, by result",
    labelNames: ["result"],
  });
  const hit = requests.labels("hit");
  const miss = requests.labels("miss");
  hit.inc(0);
  miss.inc(0);
  return {
    async mget(keys) {
      const values = await cache.mget(keys);
      let hits = 0;
      for (const value of values) if (value !== null) hits++;
      if (hits > 0) hit.inc(hits);
      if (values.length > hits) miss.inc(values.length - hits);
      return values;
    },
    mset: (entries, ttlSeconds) => cache.mset(entries, ttlSeconds),
    // Optional on the interface: forwarded only when the cache has it, or callers that
    // test for it (the list generations) would lose their set-if-absent.
    ...(cache.claim ? { claim: (entries: [string, string][], ttlSeconds: number) => cache.claim!(entries, ttlSeconds) } : {}),
    del: (keys) => cache.del(keys),
    close: () => cache.close(),
  };
}
