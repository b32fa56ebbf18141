// Where case data lives in the entity cache (namespaces and TTLs: shared
// cache/namespaces.ts) and how a change drops it. Change keys, the same from the silo's
// feed (migration 005) and from this subgraph's own writes: "c:<办件编号>" the case and
// which bundle it belongs to, "a:<applicant>" every page of the applicant's case list
// (one generation per applicant), "b:<bundle case number>" the bundle's member list.
// The matter catalogue has no feed: catalogue TTL.
import { CACHE_NAMESPACES, forgetAll, forgetScopes, type BoundCache } from "@onceonly/shared";

export const CASES_NAMESPACES = CACHE_NAMESPACES.cases;

export type CasesCache = BoundCache;

/** The change keys of sp_bj rows, as the trigger computes them. */
export function caseChangeKeys(rows: readonly { bjbh: string; sqrzjhm: string | null; zhbjbh: string | null }[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) {
    keys.add(`c:${row.bjbh}`);
    if (row.sqrzjhm !== null) keys.add(`a:${row.sqrzjhm}`);
    if (row.zhbjbh !== null) keys.add(`b:${row.zhbjbh}`);
  }
  return [...keys];
}

/** Drops what these change keys stand for; never throws. */
export async function forgetCaseKeys(cache: CasesCache | undefined, keys: readonly string[]): Promise<void> {
  if (!cache || keys.length === 0) return;
  const of = (kind: string) => keys.filter((k) => k.startsWith(kind)).map((k) => k.slice(kind.length));
  const cases = of("c:");
  await Promise.all([
    forgetAll(cache, CASES_NAMESPACES.case, cases),
    forgetAll(cache, CASES_NAMESPACES.bundleOf, cases),
    forgetScopes(cache, CASES_NAMESPACES.applicantScope, of("a:")),
    forgetAll(cache, CASES_NAMESPACES.bundleMembers, of("b:")),
  ]);
}
