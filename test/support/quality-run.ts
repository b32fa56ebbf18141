// Fake engine runs for the report's tests: every rule of the catalogue, nothing checked
// unless a test says so, samples derived from the rule id.
import { QUALITY_RULES } from "@onceonly/shared";
import type { QualityRun } from "../../scripts/src/quality/engine/types.js";

export function fakeRun(
  counts: Record<string, [checked: number, failed: number]>,
  options: { asOf?: string; startedAt?: string; finishedAt?: string; samples?: Record<string, string[]>; records?: QualityRun["records"] } = {},
): QualityRun {
  const unknown = Object.keys(counts).filter((id) => !QUALITY_RULES.some((r) => r.id === id));
  if (unknown.length) throw new Error(`fakeRun: no rules ${unknown.join(", ")}`);
  return {
    asOf: options.asOf ?? "2025-06-30",
    startedAt: options.startedAt ?? "2025-06-30T01:00:00.000Z",
    finishedAt: options.finishedAt ?? "2025-06-30T01:02:13.500Z",
    counts: QUALITY_RULES.map((r) => ({ rule: r.id, checked: counts[r.id]?.[0] ?? 0, failed: counts[r.id]?.[1] ?? 0 })),
    samples:
      options.samples ??
      Object.fromEntries(Object.entries(counts).filter(([, [, failed]]) => failed > 0).map(([id, [, failed]]) => [id, Array.from({ length: Math.min(failed, 3) }, (_, i) => `${id}-key-${i + 1}`)])),
    records: options.records ?? { registry: 1400, licenses: 800, cases: 0 },
  };
}

/** The hand-computed run of the model test (see test/quality/report-model.test.ts). */
export const HAND_COUNTS: Record<string, [number, number]> = {
  REG_REQUIRED: [1000, 10],
  REG_ID_NUMBER: [1000, 50],
  REG_SEX_CODE: [1000, 0],
  REG_HOUSEHOLD_HEAD: [400, 4],
  LIC_REQUIRED: [500, 0],
  LIC_IDENTIFIER: [500, 5],
  LIC_CREDIT_CODE: [100, 20],
  X_HOLDER_NAME: [200, 2],
};
