// The data quality report: model (buildReport), renderers (JSON, CSV, HTML). The report
// types and the history live in @onceonly/shared (the gateway's steward query reads it).
export { buildReport, scoreGroup, SCORING } from "./model.js";
export { renderJson } from "./json.js";
export { renderCsv, CSV_COLUMNS } from "./csv.js";
export { renderHtml, TREND_RUNS } from "./html/render.js";
export { openReportHistory, qualityReportsDir, summarizeReport, type QualityReport, type QualityReportSummary, type ReportHistory } from "@onceonly/shared";
