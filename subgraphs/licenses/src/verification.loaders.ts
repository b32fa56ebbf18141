// Per-request batches for verification and usage history. Verification loaders do not
// cache: every verification is its own check of the silo and writes its own usage record;
// what they do is gather one request's lookups into one statement per lookup kind.
import type { RequestMeta } from "@onceonly/shared";
import DataLoader from "dataloader";
import { shanghaiToday } from "./resolvers/expiry.js";
import { DEAD_STATUSES } from "./resolvers/verification.outcome.js";
import {
  classifyPurpose,
  type HeldLicense,
  type HolderKey,
  type LicenseRecord,
  type LicensesSources,
  type TypeAndNumber,
  type UsagePage,
  type UsagePageRequest,
  type UsageStamp,
} from "./source/index.js";

export interface Checked {
  record: LicenseRecord | null;
  /** When the silo answered; also the usage record's time and the receipt's checkedAt. */
  checkedAt: Date;
}

/** A holder's licences as one pull read them, with the day they are to be judged for. */
export interface Pulled {
  licenses: HeldLicense[];
  /** When the silo answered; also the usage records' time. */
  checkedAt: Date;
  /** checkedAt's day in China: the day the statement chose which licences to record. */
  asOf: string;
}

export interface VerificationLoaders {
  /** Key: a well-formed 证照标识. */
  verifyById: DataLoader<string, Checked>;
  verifyByTypeAndNumber: DataLoader<TypeAndNumber, Checked>;
  /**
   * Key: a holder. Memoised per request (unlike verification): one request pulls a
   * holder's licences once, however many fields or aliases ask, and records that once.
   */
  evidenceByHolder: DataLoader<HolderKey, Pulled, string>;
  /** Key: 证照标识; one loader per page request. */
  usageByLicense(page: UsagePageRequest): DataLoader<string, UsagePage>;
  /** Key: holder code; one loader per page request. */
  usageByHolder(page: UsagePageRequest): DataLoader<string, UsagePage>;
}

export function createVerificationLoaders(sources: LicensesSources, meta: RequestMeta): VerificationLoaders {
  const stamp = (usedAt: Date, method: UsageStamp["method"] = "VERIFY"): UsageStamp => ({
    department: meta.window?.department ?? null,
    window: meta.window?.id ?? null,
    ...classifyPurpose(meta.purpose),
    purpose: meta.purpose,
    method,
    usedAt,
  });
  const checked = (records: (LicenseRecord | null)[], checkedAt: Date) => records.map((record) => ({ record, checkedAt }));
  const paged = (lookUp: (keys: readonly string[], page: UsagePageRequest) => Promise<UsagePage[]>) => {
    const loaders = new Map<string, DataLoader<string, UsagePage>>();
    return (page: UsagePageRequest) => {
      const key = JSON.stringify([page.first, page.after]);
      let loader = loaders.get(key);
      if (!loader) loaders.set(key, (loader = new DataLoader((keys: readonly string[]) => lookUp(keys, page))));
      return loader;
    };
  };
  return {
    verifyById: new DataLoader(
      async (ids: readonly string[]) => {
        const at = new Date();
        return checked(await sources.verification.byIds(ids, stamp(at)), at);
      },
      { cache: false, maxBatchSize: 1000, name: "verifyById" },
    ),
    verifyByTypeAndNumber: new DataLoader(
      async (keys: readonly TypeAndNumber[]) => {
        const at = new Date();
        return checked(await sources.verification.byTypeAndNumbers(keys, stamp(at)), at);
      },
      { cache: false, maxBatchSize: 1000, name: "verifyByTypeAndNumber" },
    ),
    evidenceByHolder: new DataLoader(
      async (keys: readonly HolderKey[]) => {
        const at = new Date();
        const asOf = shanghaiToday(at);
        const lists = await sources.evidence.pullByHolders(keys, { asOf, deadStatuses: DEAD_STATUSES }, stamp(at, "PULL"));
        return lists.map((licenses) => ({ licenses, checkedAt: at, asOf }));
      },
      { name: "evidenceByHolder", cacheKeyFn: (key) => `${key.codeType}\u0000${key.code}` },
    ),
    usageByLicense: paged((ids, page) => sources.usage.byLicenses(ids, page)),
    usageByHolder: paged((codes, page) => sources.usage.byHolders(codes, page)),
  };
}
