// Per-request DataLoaders (never shared between requests: their caches would leak one
// window's reads into another's). Every batch is one statement against the case silo;
// with an entity cache, one MGET first and only the misses reach the silo (what is cached
// and how it is dropped: source/cases.cache.ts).
import DataLoader from "dataloader";
import { behindCache, listsBehindCache, rememberAll, scopedBatch } from "@onceonly/shared";
import { createBundleLoaders, type BundleLoaders } from "./bundle-loaders.js";
import type { ApplicantCasesQuery, CaseEventRecord, CaseMaterialRecord, CasePage, CaseRecord, CasesSources, MaterialRecord, MatterRecord, ReadinessCheckRecord } from "./source/index.js";
import { CASES_NAMESPACES as NS } from "./source/index.js";

export interface CasesLoaders {
  matterByCode: DataLoader<string, MatterRecord | null>;
  materialsByMatter: DataLoader<string, MaterialRecord[]>;
  caseByNumber: DataLoader<string, CaseRecord | null>;
  caseMaterialsByCase: DataLoader<string, CaseMaterialRecord[]>;
  timelineByCase: DataLoader<string, CaseEventRecord[]>;
  /** One loader per distinct (status, first, after): a batch shares one page definition. */
  casesByApplicant(query: ApplicantCasesQuery): DataLoader<string, CasePage>;
  /** The whole catalogue, read at most once per request; primes matterByCode. */
  allMatters(): Promise<MatterRecord[]>;
  /** Keeps readiness answers: all answered in one tick are ONE insert (never cached: each record is new). */
  keepReadiness: DataLoader<ReadinessCheckRecord, true>;
  /** 一件事: bundle and member cases, member matters (bundle-loaders.ts). */
  bundles: BundleLoaders;
}

export function createLoaders(sources: CasesSources): CasesLoaders {
  const { cache } = sources;
  const caseByNumber = new DataLoader<string, CaseRecord | null>(
    behindCache(cache, NS.case, same, (numbers: readonly string[]) => sources.cases.byNumbers(numbers)),
  );
  const matterByCode = new DataLoader<string, MatterRecord | null>(
    behindCache(cache, NS.matter, same, (codes: readonly string[]) => sources.matters.byCodes(codes)),
  );
  const applicantLoaders = new Map<string, DataLoader<string, CasePage>>();
  let catalogue: Promise<MatterRecord[]> | undefined;

  return {
    matterByCode,
    materialsByMatter: new DataLoader(
      listsBehindCache(cache, NS.materials, same, (codes: readonly string[]) => sources.matters.materialsByMatters(codes)),
    ),
    caseByNumber,
    bundles: createBundleLoaders(sources, caseByNumber),
    caseMaterialsByCase: new DataLoader((numbers) => sources.cases.materialsByCases(numbers)),
    timelineByCase: new DataLoader((numbers) => sources.cases.timelinesByCases(numbers)),
    keepReadiness: new DataLoader(async (records) => (await sources.readiness.insert(records), records.map(() => true as const)), { cache: false }),
    casesByApplicant(query) {
      const key = pageKey(query);
      let loader = applicantLoaders.get(key);
      if (!loader) {
        const fromSilo = (ids: readonly string[]) => sources.applicantCases.byApplicants(ids, query);
        const pagesOf = cache
          ? scopedBatch<CasePage>({
              bound: cache,
              scope: NS.applicantScope,
              namespace: NS.applicantPage,
              variant: key,
              batch: async (ids) => {
                const pages = await fromSilo(ids);
                await rememberAll(cache, NS.case, pages.flatMap((page) => page.nodes.map((node) => [node.number, node] as [string, CaseRecord])));
                return pages;
              },
            })
          : fromSilo;
        loader = new DataLoader(async (ids: readonly string[]) => {
          const pages = await pagesOf(ids);
          // A case listed on a page needs no second read if the query also asks for it by number.
          for (const page of pages) for (const node of page.nodes) caseByNumber.prime(node.number, node);
          return pages;
        });
        applicantLoaders.set(key, loader);
      }
      return loader;
    },
    allMatters() {
      catalogue ??= sources.matters.all().then((matters) => {
        for (const matter of matters) matterByCode.prime(matter.code, matter);
        return matters;
      });
      return catalogue;
    },
  };
}

const same = (key: string) => key;

// Private: statuses are a set, so [A, B] and [B, A] share a loader.
function pageKey(query: ApplicantCasesQuery): string {
  const statuses = query.statuses?.length ? [...new Set(query.statuses)].sort() : null;
  return JSON.stringify([statuses, query.first, query.after?.acceptedAt ?? null, query.after?.number ?? null]);
}
