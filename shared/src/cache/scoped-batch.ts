// Lists cached per owner in several variants (an applicant's case pages for each status
// filter and cursor, a holder's licences for each filter). A change to the owner must drop
// every variant, and Redis cannot delete "all keys of this owner" in one step. So each
// owner has a generation token (scope key); list entries are keyed by owner@generation,
// and forgetting the owner deletes only its token: the old entries become unreachable and
// expire by their TTL.
//
// Race: a read that started before a write commits must not cache what it read under a
// generation that outlives the write. The token is therefore created BEFORE the silo is
// read; a write deletes it after its commit, so whatever that read writes back lands
// under a dead generation. Cost: one MGET for the tokens, one MGET for the lists, the
// misses in one silo call, one MSET back.
import { randomBytes } from "node:crypto";
import { cacheKey } from "./cached-batch.js";
import { decodeValue, encodeValue } from "./codec.js";
import type { BoundCache } from "./bound-cache.js";
import { ttlOf, type CacheNamespace } from "./namespaces.js";

export interface ScopedBatchOptions<V> {
  bound: BoundCache;
  /** Where the generation tokens live (forgetScopes deletes there). */
  scope: CacheNamespace;
  /** Where the lists live. */
  namespace: CacheNamespace;
  /** The variant this loader serves (a filter, a page definition), same for every key. */
  variant: string;
  /** Owner keys → one list each, in key order (an empty list is an answer, and cached). */
  batch(owners: readonly string[]): Promise<V[]>;
}

export function scopedBatch<V>(options: ScopedBatchOptions<V>): (owners: readonly string[]) => Promise<V[]> {
  const { bound, scope, namespace, variant } = options;
  const { cache } = bound;
  return async (owners) => {
    const scopeKeys = owners.map((owner) => cacheKey(scope.name, owner));
    const tokens = await cache.mget(scopeKeys);
    const absent = owners.flatMap((_o, i) => (tokens[i] === null ? [i] : []));
    if (absent.length > 0) {
      // Two loaders of one owner (two filters in one request) may both find no token: the
      // first claim wins and both use it. Tokens live as long as the lists they point to.
      const fresh = absent.map((i) => [scopeKeys[i], randomBytes(9).toString("base64url")] as [string, string]);
      const ttl = ttlOf(scope, bound);
      const held = cache.claim ? await cache.claim(fresh, ttl) : (await cache.mset(fresh, ttl), fresh.map(([, token]) => token));
      // null: the cache did not answer (Redis down); the proposed token serves this batch alone.
      absent.forEach((i, j) => (tokens[i] = held[j] ?? fresh[j][1]));
    }

    const listKeys = owners.map((owner, i) => cacheKey(namespace.name, `${owner}@${tokens[i]}:${variant}`));
    const cached = await cache.mget(listKeys);
    const results: (V | undefined)[] = cached.map((text) => (text === null ? undefined : decodeOrUndefined<V>(text)));
    const missing = owners.flatMap((_o, i) => (results[i] === undefined ? [i] : []));
    if (missing.length > 0) {
      const loaded = await options.batch(missing.map((i) => owners[i]));
      missing.forEach((i, j) => (results[i] = loaded[j]));
      await cache.mset(
        missing.map((i, j) => [listKeys[i], encodeValue(loaded[j])]),
        ttlOf(namespace, bound),
      );
    }
    return results as V[];
  };
}

/** Drops every cached list variant of these owners (deletes their generation tokens). */
export function forgetScopes(bound: BoundCache | undefined, scope: CacheNamespace, owners: readonly string[]): Promise<void> {
  if (!bound || owners.length === 0) return Promise.resolve();
  return bound.cache.del(owners.map((owner) => cacheKey(scope.name, owner)));
}

function decodeOrUndefined<V>(text: string): V | undefined {
  try {
    return decodeValue<V>(text);
  } catch {
    return undefined;
  }
}
