// Where registry data lives in the entity cache (namespaces and TTLs: shared
// cache/namespaces.ts) and how the change feed's keys drop it: "p:<ID number>" the
// person, "h:<户号>" the household and its member list.
import { CACHE_NAMESPACES, forgetAll, type BoundCache } from "@onceonly/shared";

export const REGISTRY_NAMESPACES = CACHE_NAMESPACES.registry;

export type RegistryCache = BoundCache;

/** Drops what these change keys stand for; never throws. */
export async function forgetRegistryKeys(cache: RegistryCache | undefined, keys: readonly string[]): Promise<void> {
  const of = (kind: string) => keys.filter((k) => k.startsWith(kind)).map((k) => k.slice(kind.length));
  const households = of("h:");
  await Promise.all([
    forgetAll(cache, REGISTRY_NAMESPACES.person, of("p:")),
    forgetAll(cache, REGISTRY_NAMESPACES.household, households),
    forgetAll(cache, REGISTRY_NAMESPACES.members, households),
  ]);
}
