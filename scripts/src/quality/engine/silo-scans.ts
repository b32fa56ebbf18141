// The SILO rules: each department's subgraph scans its own silo (registryQualityScan,
// licensesQualityScan, casesQualityScan: subgraphs/*/src/quality/), page by page through
// the gateway; the engine sums the pages' counts and passes their findings on. Every count
// and finding must name one of the department's SILO rules: anything else is a contract
// breach, and the run stops rather than report it under the wrong department.
import { QUALITY_RULES, type QualityDepartment, type RecordKind } from "@onceonly/shared";
import type { Stream } from "./stream.js";

interface ScanPage {
  counts: { rule: string; checked: number; failed: number }[];
  findings: { rule: string; kind: string; key: string }[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const FIELDS: Record<QualityDepartment, string> = {
  registry: "registryQualityScan",
  licenses: "licensesQualityScan",
  cases: "casesQualityScan",
};

export function siloScan(department: QualityDepartment, asOf: string, pageSize: number): Stream<Record<string, ScanPage>> {
  const field = FIELDS[department];
  const rules = new Map(QUALITY_RULES.filter((r) => r.department === department && r.scope === "SILO").map((r) => [r.id, r]));
  const operation = `Quality${field[0].toUpperCase()}${field.slice(1)}`;
  return {
    phase: department,
    department,
    countsRecords: true,
    operation,
    query: `query ${operation}($asOf: LocalDate!, $after: String, $first: Int) {
  ${field}(asOf: $asOf, after: $after, first: $first) { counts { rule checked failed } findings { rule kind key } endCursor hasNextPage }
}`,
    pageSize,
    variables: (after, first) => ({ asOf, after, first }),
    pageInfo: (data) => data[field],
    tally(data, tally) {
      const page = data[field];
      // Records read ≈ per kind of record, the most any rule of that kind checked.
      const read = new Map<RecordKind, number>();
      let failed = 0;
      for (const count of page.counts) {
        const rule = rules.get(count.rule);
        if (!rule) throw new Error(`quality run: ${field} counted rule ${count.rule}, which is not a SILO rule of ${department}`);
        tally.add(count.rule, count.checked, count.failed);
        read.set(rule.kind, Math.max(read.get(rule.kind) ?? 0, count.checked));
        failed += count.failed;
      }
      if (failed !== page.findings.length) {
        throw new Error(`quality run: a page of ${field} counted ${failed} failures but listed ${page.findings.length} findings; every failure must be listed`);
      }
      for (const finding of page.findings) {
        const rule = rules.get(finding.rule);
        if (!rule || rule.kind !== finding.kind) {
          throw new Error(`quality run: ${field} found ${finding.kind} ${finding.key} failing ${finding.rule}, which is not a SILO rule of ${department} for that kind of record`);
        }
        tally.finding({ rule: rule.id, kind: rule.kind, key: finding.key });
      }
      return [...read.values()].reduce((sum, n) => sum + n, 0);
    },
  };
}
