// Per-request DataLoaders: every lookup and nested list in this subgraph goes through
// one of these, so N holders cost one statement per entity type, not N. Created per
// request: a loader's cache must never serve one window what another window read.
import DataLoader from "dataloader";
import { cachedBatch } from "@onceonly/shared";
import type {
  LicenseFilter,
  LicenseRecord,
  LicensesSources,
  LicenseTypeRecord,
  LicensesCache,
  OrganizationRecord,
  TypeAndNumber,
} from "./source/index.js";
import { LICENSE_NAMESPACE, LICENSE_TYPE_NAMESPACE } from "./source/index.js";

export interface LicensesLoaders {
  /** Key: 证照标识 (zzbs). */
  licenseById: DataLoader<string, LicenseRecord | null>;
  licenseByTypeAndNumber: DataLoader<TypeAndNumber, LicenseRecord | null, string>;
  /** Key: 证照类型代码. */
  licenseTypeByCode: DataLoader<string, LicenseTypeRecord | null>;
  /** Key: credit code (czztdmlx 001). */
  organizationByCreditCode: DataLoader<string, OrganizationRecord | null>;
  /** Key: holder code (ID number or credit code). One loader per distinct filter. */
  licensesByHolder(filter: LicenseFilter): DataLoader<string, LicenseRecord[]>;
  /** The whole type catalogue, read at most once per request; primes licenseTypeByCode. */
  allLicenseTypes(): Promise<LicenseTypeRecord[]>;
}

export function createLoaders(sources: LicensesSources): LicensesLoaders {
  const licenseById = new DataLoader(
    behindCache(sources.cache, LICENSE_NAMESPACE, (ids: readonly string[]) => sources.licenses.byIds(ids)),
    { name: "licenseById" },
  );
  // Every licence read by another route is primed here, so a later lookup by id is free.
  const primed = (records: readonly (LicenseRecord | null)[]) => {
    for (const record of records) if (record) licenseById.prime(record.id, record);
  };

  const licenseTypeByCode = new DataLoader(
    behindCache(sources.cache, LICENSE_TYPE_NAMESPACE, (codes: readonly string[]) => sources.licenseTypes.byCodes(codes)),
    { name: "licenseTypeByCode" },
  );
  let catalogue: Promise<LicenseTypeRecord[]> | undefined;

  const byFilter = new Map<string, DataLoader<string, LicenseRecord[]>>();
  return {
    licenseById,
    licenseByTypeAndNumber: new DataLoader(
      async (keys: readonly TypeAndNumber[]) => {
        const records = await sources.licenses.byTypeAndNumbers(keys);
        primed(records);
        return records;
      },
      { name: "licenseByTypeAndNumber", cacheKeyFn: (k) => `${k.typeCode}\u0000${k.number}` },
    ),
    licenseTypeByCode,
    organizationByCreditCode: new DataLoader((codes: readonly string[]) => sources.organizations.byCreditCodes(codes), {
      name: "organizationByCreditCode",
    }),
    licensesByHolder(filter) {
      const key = filterKey(filter);
      let loader = byFilter.get(key);
      if (!loader) {
        loader = new DataLoader(
          async (codes: readonly string[]) => {
            const lists = await sources.licenses.byHolders(codes, filter);
            primed(lists.flat());
            return lists;
          },
          { name: `licensesByHolder(${key})` },
        );
        byFilter.set(key, loader);
      }
      return loader;
    },
    allLicenseTypes() {
      catalogue ??= sources.licenseTypes.all().then((types) => {
        for (const type of types) licenseTypeByCode.prime(type.code, type);
        return types;
      });
      return catalogue;
    },
  };
}

// Private: the entity cache (when the service has one) between a loader and the silo: one
// MGET per batch, the misses in one statement. Keys here are plain strings (zzbs, zzlxdm).
function behindCache<V>(
  cache: LicensesCache | undefined,
  namespace: string,
  batch: (keys: readonly string[]) => Promise<(V | null)[]>,
): (keys: readonly string[]) => Promise<(V | null)[]> {
  if (!cache) return batch;
  return cachedBatch<string, V>({ cache: cache.cache, namespace, ttlSeconds: cache.ttlSeconds, key: (k) => k, batch });
}

// Private: the same filter written in another order must share one loader (and batch).
function filterKey(filter: LicenseFilter): string {
  const sorted = (list: readonly string[] | null) => (list === null ? null : [...new Set(list)].sort());
  return JSON.stringify({ status: sorted(filter.statuses), types: sorted(filter.types) });
}
