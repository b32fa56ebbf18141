// Per-request loaders for one-thing bundles (一件事): a case's bundle case and member
// cases, a matter's member matters. Cases they read are primed into caseByNumber.
import DataLoader from "dataloader";
import type { CaseRecord, CasesSources, MatterRecord } from "./source/index.js";

export interface BundleLoaders {
  bundleOfCase: DataLoader<string, CaseRecord | null>;
  membersOfCase: DataLoader<string, CaseRecord[]>;
  membersOfMatter: DataLoader<string, MatterRecord[]>;
}

export function createBundleLoaders(sources: CasesSources, caseByNumber: DataLoader<string, CaseRecord | null>): BundleLoaders {
  const prime = (c: CaseRecord | null) => {
    if (c) caseByNumber.prime(c.number, c);
  };
  return {
    bundleOfCase: new DataLoader(async (numbers) => {
      const found = await sources.bundles.bundlesOfCases(numbers);
      found.forEach(prime);
      return found;
    }),
    membersOfCase: new DataLoader(async (numbers) => {
      const found = await sources.bundles.membersOfCases(numbers);
      for (const list of found) list.forEach(prime);
      return found;
    }),
    membersOfMatter: new DataLoader(async (codes) => {
      const found = await sources.matters.membersByBundles(codes);
      // A member missing from the catalogue cannot be shown as a Matter: left out.
      return found.map((list) => list.flatMap((m) => (m.matter ? [m.matter] : [])));
    }),
  };
}
