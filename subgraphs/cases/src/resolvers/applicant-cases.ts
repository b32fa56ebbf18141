// Person.cases and Organization.cases share one implementation: check the page
// arguments before any SQL, then load through the loader for this page definition.
import type { CasesContext } from "../context.js";
import type { CaseConnectionArgs } from "../schema/case-connection.type.js";
import type { CaseRecord } from "../source/index.js";
import { checkCursor, checkPageSize } from "./arguments.js";

export interface CaseConnectionResult {
  nodes: CaseRecord[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export async function applicantCases(applicantId: string, args: CaseConnectionArgs, ctx: CasesContext): Promise<CaseConnectionResult> {
  const query = {
    statuses: args.status ?? null,
    first: checkPageSize(args.first),
    after: checkCursor(args.after),
  };
  const page = await ctx.loaders.casesByApplicant(query).load(applicantId);
  return {
    nodes: page.nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}
