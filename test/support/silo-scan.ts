// Pages through a department's quality scan (registryQualityScan, licensesQualityScan,
// casesQualityScan) the way the report engine does, and sums what the pages say.
import type { ExecutionResult } from "graphql";
import type { Finding, RuleCount } from "@onceonly/shared";

export type Run = (source: string, variables?: Record<string, unknown>) => Promise<ExecutionResult>;

export interface ScanTotals {
  pages: { counts: RuleCount[]; findings: Finding[]; endCursor: string | null; hasNextPage: boolean }[];
  /** Summed over all pages, by rule. */
  counts: Map<string, { checked: number; failed: number }>;
  /** Failing keys by rule, sorted. */
  keys: Map<string, string[]>;
}

export async function scanAll(run: Run, field: string, asOf: string, first?: number): Promise<ScanTotals> {
  const source = `query($asOf: LocalDate!, $after: String, $first: Int) {
    page: ${field}(asOf: $asOf, after: $after, first: $first) {
      counts { rule checked failed } findings { rule kind key } endCursor hasNextPage
    }
  }`;
  const totals: ScanTotals = { pages: [], counts: new Map(), keys: new Map() };
  let after: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const result = await run(source, { asOf, after, ...(first === undefined ? {} : { first }) });
    if (result.errors?.length) throw new Error(`${field}: ${JSON.stringify(result.errors.map((e) => [e.message, e.extensions]))}`);
    const page = (result.data as { page: ScanTotals["pages"][number] }).page;
    totals.pages.push(page);
    for (const c of page.counts) {
      const sum = totals.counts.get(c.rule) ?? { checked: 0, failed: 0 };
      totals.counts.set(c.rule, { checked: sum.checked + c.checked, failed: sum.failed + c.failed });
    }
    for (const f of page.findings) totals.keys.set(f.rule, [...(totals.keys.get(f.rule) ?? []), f.key]);
    if (!page.hasNextPage) {
      for (const list of totals.keys.values()) list.sort();
      return totals;
    }
    after = page.endCursor;
  }
  throw new Error(`${field}: still paging after 1000 pages`);
}
