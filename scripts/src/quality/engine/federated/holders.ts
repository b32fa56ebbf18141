// X_HOLDER_UNREGISTERED, X_HOLDER_NAME and X_DECEASED_VALID, joined through federation:
// the licence library pages the holders of licences held under a well-formed ID number
// (Query.qualityLicenseHolders), the gateway fetches each holder's registry facts
// (registered, name, deceased: the registry answers an ID number it does not hold with
// registered false) and hands them back to the licence library, which judges the holder's
// licences (Person.qualityHolderCheck @requires; the definitions are spelled out in
// subgraphs/licenses/src/quality/federated/holder-check.ts). One object per holder comes
// back — counts and the failing licences' identifiers, never a name — so a page of a
// thousand holders is a few kilobytes, not megabytes of names.
import type { Stream } from "../stream.js";

export interface HolderPage {
  qualityLicenseHolders: {
    totalLicences?: number;
    endCursor: string | null;
    hasNextPage: boolean;
    nodes: {
      qualityHolderCheck: { licences: number; validLicences: number; registered: boolean; unregistered: string[]; nameMismatches: string[]; deceasedValid: string[] } | null;
    }[];
  };
}

export const HOLDERS_OPERATION = "QualityLicenceHolders";

export function licenceHolders(asOf: string, pageSize: number, part: number, parts: number): Stream<HolderPage> {
  return {
    phase: "licences × registry",
    department: "licenses",
    countsRecords: false,
    operation: HOLDERS_OPERATION,
    query: `query ${HOLDERS_OPERATION}($asOf: LocalDate!, $after: String, $first: Int, $part: Int, $parts: Int, $total: Boolean!) {
  qualityLicenseHolders(asOf: $asOf, after: $after, first: $first, part: $part, parts: $parts) {
    totalLicences @include(if: $total)
    endCursor
    hasNextPage
    nodes { qualityHolderCheck { licences validLicences registered unregistered nameMismatches deceasedValid } }
  }
}`,
    pageSize,
    // Every partition counts the same table: only the first asks.
    variables: (after, first, firstPage) => ({ asOf, after, first, part, parts, total: firstPage && part === 0 }),
    pageInfo: (data) => ({ ...data.qualityLicenseHolders, totalCount: data.qualityLicenseHolders.totalLicences ?? null }),
    tally(data, tally) {
      let licences = 0;
      for (const { qualityHolderCheck: check } of data.qualityLicenseHolders.nodes) {
        if (!check) throw new Error("quality run: a licence holder came without its check (Person.qualityHolderCheck)");
        tally.add("X_HOLDER_UNREGISTERED", check.licences, check.unregistered.length);
        tally.add("X_HOLDER_NAME", check.registered ? check.licences : 0, check.nameMismatches.length);
        tally.add("X_DECEASED_VALID", check.registered ? check.validLicences : 0, check.deceasedValid.length);
        for (const key of check.unregistered) tally.finding({ rule: "X_HOLDER_UNREGISTERED", kind: "LICENSE", key });
        for (const key of check.nameMismatches) tally.finding({ rule: "X_HOLDER_NAME", kind: "LICENSE", key });
        for (const key of check.deceasedValid) tally.finding({ rule: "X_DECEASED_VALID", kind: "LICENSE", key });
        licences += check.licences;
      }
      return licences;
    },
  };
}
