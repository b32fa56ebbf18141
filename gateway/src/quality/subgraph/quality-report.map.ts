// The stored report (JSON, maps keyed by department and dimension) → the GraphQL shapes
// (lists, dates as Date), in the catalogue's order.
import { DIMENSIONS, QUALITY_DEPARTMENTS, type QualityReport, type QualityReportSummary, type QualityTrend } from "@onceonly/shared";
import type { QualityReportSummaryType, QualityReportType, QualityTrendType } from "./quality-report.type.js";

export function summaryForGraphQL(summary: QualityReportSummary): QualityReportSummaryType {
  return {
    ...summary,
    startedAt: new Date(summary.startedAt),
    finishedAt: new Date(summary.finishedAt),
    departments: QUALITY_DEPARTMENTS.map((department) => ({ department, score: summary.departments[department] ?? null })),
    dimensions: DIMENSIONS.map((dimension) => ({ dimension, score: summary.dimensions[dimension] ?? null })),
  };
}

export function reportForGraphQL(report: QualityReport): QualityReportType {
  return {
    ...report,
    startedAt: new Date(report.startedAt),
    finishedAt: new Date(report.finishedAt),
    records: QUALITY_DEPARTMENTS.map((department) => ({ department, records: report.records[department] ?? 0 })),
    scoring: { ...report.scoring, weights: Object.entries(report.scoring.weights).map(([severity, weight]) => ({ severity: severity as keyof typeof report.scoring.weights, weight })) },
    trend: report.trend === null ? null : trendForGraphQL(report.trend),
  };
}

function trendForGraphQL(trend: QualityTrend): QualityTrendType {
  return {
    previous: summaryForGraphQL(trend.previous),
    overall: trend.overall,
    departments: QUALITY_DEPARTMENTS.map((department) => ({ department, ...trend.departments[department] })),
    dimensions: DIMENSIONS.map((dimension) => ({ dimension, ...trend.dimensions[dimension] })),
    rules: trend.rules,
  };
}
