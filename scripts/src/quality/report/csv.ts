// The report as CSV: one row per rule, for a spreadsheet. RFC 4180 (CRLF, fields with a
// comma, quote or line break quoted, quotes doubled) behind a UTF-8 byte order mark — the
// one thing that makes Excel read the Chinese columns as UTF-8 instead of the ANSI page.
import { DEPARTMENT_LABELS, DIMENSION_LABELS, type QualityReport } from "@onceonly/shared";

export const CSV_COLUMNS = [
  "as_of", "rule", "department", "department_zh", "dimension", "dimension_zh", "severity", "weight", "scope", "record_kind",
  "checked", "failed", "rate", "department_score", "department_score_contribution", "department_points_lost", "failed_delta",
  "description_zh", "description_en", "sample_keys",
] as const;

const BOM = "\uFEFF";

export function renderCsv(report: QualityReport): string {
  const departmentScore = new Map(report.departments.map((d) => [d.department, d.score]));
  const delta = new Map((report.trend?.rules ?? []).map((r) => [r.rule, r.failedDelta]));
  const rows = report.rules.map((r) => [
    text(report.asOf), text(r.id), text(r.department), text(DEPARTMENT_LABELS[r.department].zh), text(r.dimension), text(DIMENSION_LABELS[r.dimension].zh),
    text(r.severity), number(r.weight), text(r.scope), text(r.kind),
    number(r.checked), number(r.failed), number(r.rate, 8), number(departmentScore.get(r.department) ?? null, 4),
    number(r.departmentPoints, 4), number(r.departmentPointsLost, 4), number(delta.get(r.id) ?? null),
    text(r.zh), text(r.en), text(r.samples.join(" ")),
  ]);
  return BOM + [CSV_COLUMNS.map(text), ...rows].map((cells) => cells.join(",")).join("\r\n") + "\r\n";
}

/** A text cell, quoted when RFC 4180 needs it, and defused as a spreadsheet formula. */
export function text(value: string): string {
  // A cell starting with = + - @ (or a tab/CR) is a formula to Excel: a hostile key could
  // run one. OWASP's advice: prefix a quote so the spreadsheet shows it as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// Private: numbers are never quoted; null is an empty cell (Excel: blank, not zero).
function number(value: number | null, digits?: number): string {
  if (value === null) return "";
  return digits === undefined ? String(value) : String(Number(value.toFixed(digits)));
}
