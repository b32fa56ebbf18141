// Per-request DataLoaders: every lookup and nested list in this subgraph goes through
// one of these, so N holders cost one statement per entity type, not N. Created per
// request: a loader's cache must never serve one window what another window read.
import DataLoader from "dataloader";
import { behindCache, CACHE_NAMESPACES, rememberAll, scopedBatch } from "@onceonly/shared";
import type { LicenseFilter, LicenseRecord, LicensesSources, LicenseTypeRecord, OrganizationRecord, TypeAndNumber } from "./source/index.js";

const NS = CACHE_NAMESPACES.licenses;

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
    behindCache(sources.cache, NS.license, (id: string) => id, (ids: readonly string[]) => sources.licenses.byIds(ids)),
    { name: "licenseById" },
  );
  // Every licence read by another route is primed here, so a later lookup by id is free.
  const primed = (records: readonly (LicenseRecord | null)[]) => {
    for (const record of records) if (record) licenseById.prime(record.id, record);
  };

  const licenseTypeByCode = new DataLoader(
    behindCache(sources.cache, NS.type, (code: string) => code, (codes: readonly string[]) => sources.licenseTypes.byCodes(codes)),
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
        const fromSilo = async (codes: readonly string[]) => {
          const lists = await sources.licenses.byHolders(codes, filter);
          primed(lists.flat());
          return lists;
        };
        loader = new DataLoader(sources.cache ? holderListsBehindCache(sources, key, licenseById, fromSilo) : fromSilo, {
          name: `licensesByHolder(${key})`,
        });
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

// Private: a holder's list as licence ids behind the cache, one generation per holder
// (forgetHolders drops every filter variant); the licences themselves come through
// licenseById, so a cached list costs one more MGET and no statement. Licences read from
// the silo on a miss are written to the licence cache too: the next window is all hits.
function holderListsBehindCache(
  sources: LicensesSources,
  filterKey: string,
  licenseById: DataLoader<string, LicenseRecord | null>,
  fromSilo: (codes: readonly string[]) => Promise<LicenseRecord[][]>,
): (codes: readonly string[]) => Promise<LicenseRecord[][]> {
  const cache = sources.cache!;
  const ids = scopedBatch<string[]>({
    bound: cache,
    scope: NS.holderScope,
    namespace: NS.holderLicenses,
    variant: filterKey,
    batch: async (codes) => {
      const lists = await fromSilo(codes);
      await rememberAll(cache, NS.license, lists.flat().map((record) => [record.id, record] as [string, LicenseRecord]));
      return lists.map((list) => list.map((record) => record.id));
    },
  });
  return async (codes) => {
    const lists = await ids(codes);
    const records = await licenseById.loadMany([...new Set(lists.flat())]);
    const byId = new Map<string, LicenseRecord>();
    for (const record of records) if (record && !(record instanceof Error)) byId.set(record.id, record);
    // A licence deleted or moved to another holder since the list was cached is left out.
    return lists.map((list, i) =>
      list.flatMap((id) => {
        const record = byId.get(id);
        return record && record.holderCode === codes[i] ? [record] : [];
      }),
    );
  };
}

// Private: the same filter written in another order must share one loader (and batch).
function filterKey(filter: LicenseFilter): string {
  const sorted = (list: readonly string[] | null) => (list === null ? null : [...new Set(list)].sort());
  return JSON.stringify({ status: sorted(filter.statuses), types: sorted(filter.types) });
}
