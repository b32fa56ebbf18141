// Where licence data lives in the entity cache (namespaces and TTLs: shared
// cache/namespaces.ts) and how it is dropped. A licence is cached by id; a holder's
// licence lists by holder code, one generation per holder (shared scoped-batch.ts), so a
// change to any of the holder's licences drops every filter variant at once.
import { CACHE_NAMESPACES, cacheKey, forgetAll, forgetScopes, type BoundCache } from "@onceonly/shared";

const NS = CACHE_NAMESPACES.licenses;
export const LICENSE_NAMESPACE = NS.license.name;
export const LICENSE_TYPE_NAMESPACE = NS.type.name;

/** The cache a licences service runs with, and how long an entry may live. */
export type LicensesCache = BoundCache;

export function licenseCacheKey(id: string): string {
  return cacheKey(LICENSE_NAMESPACE, id);
}

/** Drops cached licences; never throws (the cache degrades to a no-op on its own). */
export function forgetLicenses(cache: LicensesCache | undefined, ids: readonly string[]): Promise<void> {
  return forgetAll(cache, NS.license, ids);
}

/** Drops every cached licence list of these holder codes (czztdm as stored). */
export function forgetHolders(cache: LicensesCache | undefined, codes: readonly string[]): Promise<void> {
  return forgetScopes(cache, NS.holderScope, codes);
}
