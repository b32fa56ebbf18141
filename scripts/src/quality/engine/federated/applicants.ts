// X_APPLICANT_UNREGISTERED, joined through federation: the case silo pages the person
// applicants with a well-formed ID number (Query.qualityCaseApplicants), the gateway fetches
// whether the registry holds each one (registered: false for an ID number it does not) and
// hands it back to the case silo, which counts the person's cases and — not registered —
// names them all (Person.qualityApplicantCheck @requires). One small object per applicant
// comes back; the engine sums the counts and passes the failing case numbers on.
import type { Stream } from "../stream.js";

export interface ApplicantPage {
  qualityCaseApplicants: {
    totalCases?: number;
    endCursor: string | null;
    hasNextPage: boolean;
    nodes: { qualityApplicantCheck: { cases: number; unregistered: string[] } | null }[];
  };
}

export const APPLICANTS_OPERATION = "QualityCaseApplicants";

export function caseApplicants(asOf: string, pageSize: number, part = 0, parts = 1): Stream<ApplicantPage> {
  return {
    phase: "cases × registry",
    department: "cases",
    countsRecords: false,
    operation: APPLICANTS_OPERATION,
    query: `query ${APPLICANTS_OPERATION}($asOf: LocalDate!, $after: String, $first: Int, $part: Int, $parts: Int, $total: Boolean!) {
  qualityCaseApplicants(asOf: $asOf, after: $after, first: $first, part: $part, parts: $parts) {
    totalCases @include(if: $total)
    endCursor
    hasNextPage
    nodes { qualityApplicantCheck { cases unregistered } }
  }
}`,
    pageSize,
    // Every partition counts the same table: only the first asks.
    variables: (after, first, firstPage) => ({ asOf, after, first, part, parts, total: firstPage && part === 0 }),
    pageInfo: (data) => ({ ...data.qualityCaseApplicants, totalCount: data.qualityCaseApplicants.totalCases ?? null }),
    tally(data, tally) {
      let cases = 0;
      for (const { qualityApplicantCheck: check } of data.qualityCaseApplicants.nodes) {
        if (!check) throw new Error("quality run: a case applicant came without its check (Person.qualityApplicantCheck)");
        tally.add("X_APPLICANT_UNREGISTERED", check.cases, check.unregistered.length);
        for (const key of check.unregistered) tally.finding({ rule: "X_APPLICANT_UNREGISTERED", kind: "CASE", key });
        cases += check.cases;
      }
      return cases;
    },
  };
}
