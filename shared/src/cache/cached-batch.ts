// The cache sits behind a DataLoader batch function, never instead of the loader
// (style.md §5): one MGET for the whole batch, the misses to the silo in ONE call, the
// rows found written back in one MSET. Missing rows (null) are not cached: a licence
// inserted a second later must be found at once, and a miss costs one indexed lookup.
import { decodeValue, encodeValue } from "./codec.js";
import type { EntityCache } from "./entity-cache.js";

export interface CachedBatchOptions<K, V> {
  cache: EntityCache;
  /** Prefix of every key, per entity type and shape version, e.g. "licenses:license:v1". */
  namespace: string;
  ttlSeconds: number;
  key(k: K): string;
  batch(keys: readonly K[]): Promise<(V | null)[]>;
}

function decodeOrNull<V>(text: string): V | null {
  try {
    return decodeValue<V>(text);
  } catch {
    return null;
  }
}

export function cacheKey(namespace: string, key: string): string {
  return `${namespace}:${key}`;
}

export function cachedBatch<K, V>(options: CachedBatchOptions<K, V>): (keys: readonly K[]) => Promise<(V | null)[]> {
  const { cache, namespace, ttlSeconds } = options;
  return async (keys) => {
    const cacheKeys = keys.map((k) => cacheKey(namespace, options.key(k)));
    const cached = await cache.mget(cacheKeys);
    const results: (V | null)[] = cached.map((text) => (text === null ? null : decodeOrNull<V>(text)));
    // An entry that does not decode (hand-edited, truncated) counts as a miss and is overwritten.
    const missing = keys.flatMap((_k, i) => (results[i] === null ? [i] : []));
    if (missing.length === 0) return results;

    const loaded = await options.batch(missing.map((i) => keys[i]));
    const writes: [string, string][] = [];
    missing.forEach((i, j) => {
      const value = loaded[j] ?? null;
      results[i] = value;
      if (value !== null) writes.push([cacheKeys[i], encodeValue(value)]);
    });
    if (writes.length > 0) await cache.mset(writes, ttlSeconds);
    return results;
  };
}
