// A service's cache handle: the EntityCache plus the TTLs it runs with. Sources and
// loaders take one of these (undefined = no cache: every read goes to the silo), so a
// subgraph wires the cache in one line per loader.
import { cacheKey, cachedBatch } from "./cached-batch.js";
import { encodeValue } from "./codec.js";
import type { EntityCache } from "./entity-cache.js";
import { ttlOf, type CacheNamespace, type CacheTtls } from "./namespaces.js";

export interface BoundCache extends CacheTtls {
  cache: EntityCache;
}

/** The batch function, behind the cache when there is one (one MGET, misses in one call). */
export function behindCache<K, V>(
  bound: BoundCache | undefined,
  namespace: CacheNamespace,
  key: (k: K) => string,
  batch: (keys: readonly K[]) => Promise<(V | null)[]>,
): (keys: readonly K[]) => Promise<(V | null)[]> {
  if (!bound) return batch;
  return cachedBatch<K, V>({ cache: bound.cache, namespace: namespace.name, ttlSeconds: ttlOf(namespace, bound), key, batch });
}

/** The same for a list per key: an empty list is an answer, and cached like any other. */
export function listsBehindCache<K, V>(
  bound: BoundCache | undefined,
  namespace: CacheNamespace,
  key: (k: K) => string,
  batch: (keys: readonly K[]) => Promise<V[][]>,
): (keys: readonly K[]) => Promise<V[][]> {
  return behindCache<K, V[]>(bound, namespace, key, batch) as (keys: readonly K[]) => Promise<V[][]>;
}

/** Writes values read by another route (a list's rows), so the next lookup by key hits. */
export function rememberAll<V>(bound: BoundCache | undefined, namespace: CacheNamespace, entries: readonly [string, V][]): Promise<void> {
  if (!bound || entries.length === 0) return Promise.resolve();
  return bound.cache.mset(
    entries.map(([key, value]) => [cacheKey(namespace.name, key), encodeValue(value)]),
    ttlOf(namespace, bound),
  );
}

/** Drops entries; never throws (a cache degrades to a no-op on its own). */
export function forgetAll(bound: BoundCache | undefined, namespace: CacheNamespace, keys: readonly string[]): Promise<void> {
  if (!bound || keys.length === 0) return Promise.resolve();
  return bound.cache.del(keys.map((key) => cacheKey(namespace.name, key)));
}

/** What a service is told about freshness (runSubgraphProcess reads it from CACHE_*). */
export interface CacheFreshness {
  /** CACHE_TTL_SECONDS: entries a change feed invalidates (default 60). */
  ttlSeconds?: number;
  /** Catalogue entries without a change feed (default DEFAULT_CATALOGUE_TTL_SECONDS). */
  catalogueTtlSeconds?: number;
  /** CACHE_POLL_MS: the change feed's polling backstop (default 1000). */
  pollMs?: number;
  /** false: no LISTEN, polling only (tests of the backstop). */
  listen?: boolean;
}

export const DEFAULT_TTL_SECONDS = 60;
export const DEFAULT_POLL_MS = 1000;

/** The service's cache handle, or undefined when it runs without a cache. */
export function boundCache(cache: EntityCache | undefined, freshness: CacheFreshness = {}): BoundCache | undefined {
  if (!cache) return undefined;
  return { cache, ttlSeconds: freshness.ttlSeconds ?? DEFAULT_TTL_SECONDS, catalogueTtlSeconds: freshness.catalogueTtlSeconds };
}
