// Per-request loaders for one-thing bundles (一件事): a case's bundle case and member
// cases, a matter's member matters. Cases they read are primed into caseByNumber.
// With an entity cache, the links are cached as case numbers (a member's bundle number,
// a bundle's member numbers) and the cases themselves come through caseByNumber: one
// cached copy per case, dropped by its own change key.
import DataLoader from "dataloader";
import { behindCache, listsBehindCache, rememberAll } from "@onceonly/shared";
import type { CaseRecord, CasesSources, MatterRecord } from "./source/index.js";
import { CASES_NAMESPACES as NS } from "./source/index.js";

export interface BundleLoaders {
  bundleOfCase: DataLoader<string, CaseRecord | null>;
  membersOfCase: DataLoader<string, CaseRecord[]>;
  membersOfMatter: DataLoader<string, MatterRecord[]>;
}

const same = (key: string) => key;

// A member's bundle number; "" = the case belongs to no bundle (null would not be cached).
const NO_BUNDLE = "";

export function createBundleLoaders(sources: CasesSources, caseByNumber: DataLoader<string, CaseRecord | null>): BundleLoaders {
  const { cache } = sources;
  const prime = (c: CaseRecord | null) => {
    if (c) caseByNumber.prime(c.number, c);
  };
  const remember = (cases: readonly CaseRecord[]) => rememberAll(cache, NS.case, cases.map((c) => [c.number, c] as [string, CaseRecord]));

  const bundlesFromSilo = async (numbers: readonly string[]) => {
    const found = await sources.bundles.bundlesOfCases(numbers);
    found.forEach(prime);
    return found;
  };
  const membersFromSilo = async (numbers: readonly string[]) => {
    const found = await sources.bundles.membersOfCases(numbers);
    for (const list of found) list.forEach(prime);
    return found;
  };

  return {
    bundleOfCase: new DataLoader(
      cache
        ? async (numbers) => {
            const links = await behindCache(cache, NS.bundleOf, same, async (misses: readonly string[]) => {
              const found = await bundlesFromSilo(misses);
              await remember(found.flatMap((c) => (c ? [c] : [])));
              return found.map((c) => c?.number ?? NO_BUNDLE);
            })(numbers);
            const bundles = await caseByNumber.loadMany([...new Set(links.flatMap((n) => (n ? [n] : [])))]);
            const byNumber = new Map(bundles.flatMap((c) => (c && !(c instanceof Error) ? [[c.number, c] as const] : [])));
            return links.map((n) => (n ? (byNumber.get(n) ?? null) : null));
          }
        : bundlesFromSilo,
    ),
    membersOfCase: new DataLoader(
      cache
        ? async (numbers) => {
            const lists = await listsBehindCache<string, string>(cache, NS.bundleMembers, same, async (misses) => {
              const found = await membersFromSilo(misses);
              await remember(found.flat());
              return found.map((list) => list.map((c) => c.number));
            })(numbers);
            const members = await caseByNumber.loadMany([...new Set(lists.flat())]);
            const byNumber = new Map(members.flatMap((c) => (c && !(c instanceof Error) ? [[c.number, c] as const] : [])));
            return lists.map((list) => list.flatMap((n) => byNumber.get(n) ?? []));
          }
        : membersFromSilo,
    ),
    membersOfMatter: new DataLoader(
      listsBehindCache(cache, NS.bundleMatters, same, async (codes: readonly string[]) => {
        const found = await sources.matters.membersByBundles(codes);
        // A member missing from the catalogue cannot be shown as a Matter: left out.
        return found.map((list) => list.flatMap((m) => (m.matter ? [m.matter] : [])));
      }),
    ),
  };
}
