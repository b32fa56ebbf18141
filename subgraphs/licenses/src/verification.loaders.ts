// Per-request batches for verification and usage history. Verification loaders do not
// cache: every verification is its own check of the silo and writes its own usage record;
// what they do is gather one request's lookups into one statement per lookup kind.
import type { RequestMeta } from "@onceonly/shared";
import DataLoader from "dataloader";
import { classifyPurpose, type LicenseRecord, type LicensesSources, type TypeAndNumber, type UsagePage, type UsagePageRequest, type UsageStamp } from "./source/index.js";

export interface Checked {
  record: LicenseRecord | null;
  /** When the silo answered; also the usage record's time and the receipt's checkedAt. */
  checkedAt: Date;
}

export interface VerificationLoaders {
  /** Key: a well-formed 证照标识. */
  verifyById: DataLoader<string, Checked>;
  verifyByTypeAndNumber: DataLoader<TypeAndNumber, Checked>;
  /** Key: 证照标识; one loader per page request. */
  usageByLicense(page: UsagePageRequest): DataLoader<string, UsagePage>;
  /** Key: holder code; one loader per page request. */
  usageByHolder(page: UsagePageRequest): DataLoader<string, UsagePage>;
}

export function createVerificationLoaders(sources: LicensesSources, meta: RequestMeta): VerificationLoaders {
  const stamp = (usedAt: Date): UsageStamp => ({
    department: meta.window?.department ?? null,
    window: meta.window?.id ?? null,
    ...classifyPurpose(meta.purpose),
    purpose: meta.purpose,
    method: "VERIFY",
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
    usageByLicense: paged((ids, page) => sources.usage.byLicenses(ids, page)),
    usageByHolder: paged((codes, page) => sources.usage.byHolders(codes, page)),
  };
}
