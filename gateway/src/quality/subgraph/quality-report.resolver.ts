// Query.qualityReports and Query.qualityReport: the data quality report history, for data
// stewards (quality:read, enforced by the gateway's policy step from the directive). The
// history comes through the schema's own container (see quality-subgraph.ts), not the
// request context: the gateway serves this subgraph in-process and its context is the gateway's.
import { BadUserInputError, requiresScopes, type ReportHistory } from "@onceonly/shared";
import { Arg, Directive, ID, Int, Query, Resolver } from "type-graphql";
import { reportForGraphQL, summaryForGraphQL } from "./quality-report.map.js";
import { QualityReportSummaryType, QualityReportType } from "./quality-report.type.js";

export const MAX_REPORTS_LISTED = 100;

export type QualityHistoryReader = Pick<ReportHistory, "list" | "latest" | "get">;

@Resolver()
export class QualityReportResolver {
  constructor(private readonly history: QualityHistoryReader) {}

  @Directive(requiresScopes(["quality:read"]))
  @Query(() => [QualityReportSummaryType], { description: "数据质量报告: the latest runs, newest first (the trend's points)" })
  async qualityReports(
    @Arg("last", () => Int, { defaultValue: 10, description: `How many runs, 1 to ${MAX_REPORTS_LISTED}` }) last: number,
  ): Promise<QualityReportSummaryType[]> {
    if (!Number.isInteger(last) || last < 1 || last > MAX_REPORTS_LISTED) {
      throw new BadUserInputError(`last: ${last} is outside 1 to ${MAX_REPORTS_LISTED}`, { argument: "last", value: last, rule: "range" });
    }
    return (await this.history.list({ limit: last })).map(summaryForGraphQL);
  }

  @Directive(requiresScopes(["quality:read"]))
  @Query(() => QualityReportType, { nullable: true, description: "One report by id (qualityReports' ids); the latest without one; null when there is none" })
  async qualityReport(@Arg("id", () => ID, { nullable: true }) id: string | null): Promise<QualityReportType | null> {
    const report = id === null || id === undefined ? await this.history.latest() : await this.history.get(id);
    return report ? reportForGraphQL(report) : null;
  }
}
