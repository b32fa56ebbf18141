// The report as JSON: the whole model, as the history keeps it.
import type { QualityReport } from "@onceonly/shared";

export function renderJson(report: QualityReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}
