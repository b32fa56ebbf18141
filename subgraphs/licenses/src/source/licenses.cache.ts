// Where licence records live in the entity cache. The namespace carries a shape version:
// change LicenseRecord and bump it, so no replica decodes an entry of the old shape.
import type { EntityCache } from "@onceonly/shared";
import { cacheKey } from "@onceonly/shared";

export const LICENSE_NAMESPACE = "licenses:license:v1";
export const LICENSE_TYPE_NAMESPACE = "licenses:type:v1";

/** The cache a licences service runs with, and how long an entry may live. */
export interface LicensesCache {
  cache: EntityCache;
  ttlSeconds: number;
}

export function licenseCacheKey(id: string): string {
  return cacheKey(LICENSE_NAMESPACE, id);
}

/** Drops cached licences; never throws (the cache degrades to a no-op on its own). */
export function forgetLicenses(cache: LicensesCache | undefined, ids: readonly string[]): Promise<void> {
  if (!cache || ids.length === 0) return Promise.resolve();
  return cache.cache.del(ids.map(licenseCacheKey));
}
