// X_ELICENSE_NOT_USED: materials handed over on paper or by upload whose catalogue entry
// names a licence type (the cases subgraph's qualityHandedOverMaterials), each joined by
// the gateway with the licence library's LicenseHolding for (applicant code, that type,
// the acceptance day in China): whether a licence of the type held under the code had
// status 有效, was issued on or before the day, valid from on or before it (or no start)
// and until on or after it (or long-term) — ELICENSE_RULE_DETAIL in shared/src/quality/
// rules.ts. Every such material is checked; it fails when one was held. A material without
// an applicant code or an acceptance time has no holding (null): nothing could be cited.
import type { Stream } from "../stream.js";

export interface MaterialPage {
  qualityHandedOverMaterials: {
    totalCount?: number;
    endCursor: string | null;
    hasNextPage: boolean;
    nodes: { key: string; holding: { held: boolean } | null }[];
  };
}

export const MATERIALS_OPERATION = "QualityHandedOverMaterials";

export function handedOverMaterials(pageSize: number): Stream<MaterialPage> {
  return {
    phase: "materials × licences",
    department: "cases",
    countsRecords: true,
    operation: MATERIALS_OPERATION,
    query: `query ${MATERIALS_OPERATION}($after: String, $first: Int, $total: Boolean!) {
  qualityHandedOverMaterials(after: $after, first: $first) {
    totalCount @include(if: $total)
    endCursor
    hasNextPage
    nodes { key holding { held } }
  }
}`,
    pageSize,
    variables: (after, first, firstPage) => ({ after, first, total: firstPage }),
    pageInfo: (data) => data.qualityHandedOverMaterials,
    tally(data, tally) {
      for (const material of data.qualityHandedOverMaterials.nodes) {
        tally.check("X_ELICENSE_NOT_USED", material.key, material.holding?.held === true);
      }
      return data.qualityHandedOverMaterials.nodes.length;
    },
  };
}
