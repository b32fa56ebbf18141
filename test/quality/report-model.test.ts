// The report model against numbers computed by hand (weights HIGH 3, MEDIUM 2, LOW 1):
//   registry: REG_REQUIRED M 10/1000, REG_ID_NUMBER H 50/1000, REG_SEX_CODE L 0/1000,
//             REG_HOUSEHOLD_HEAD M 4/400
//     = 100 × (2·0.99 + 3·0.95 + 1·1 + 2·0.99) / 8 = 100 × 7.81 / 8 = 97.625
//   licenses: LIC_REQUIRED M 0/500, LIC_IDENTIFIER H 5/500, LIC_CREDIT_CODE L 20/100,
//             X_HOLDER_NAME H 2/200
//     = 100 × (2·1 + 3·0.99 + 1·0.8 + 3·0.99) / 9 = 100 × 8.74 / 9 = 97.1111…
//   cases: nothing checked → no score
//   overall = 100 × (7.81 + 8.74) / 17 = 97.3529…
import { describe, expect, it } from "vitest";
import { QUALITY_RULES } from "@onceonly/shared";
import { buildReport, scoreGroup } from "../../scripts/src/quality/report/index.js";
import { fakeRun, HAND_COUNTS } from "../support/quality-run.js";

const rule = (report: ReturnType<typeof buildReport>, id: string) => report.rules.find((r) => r.id === id)!;

describe("buildReport", () => {
  const report = buildReport(fakeRun(HAND_COUNTS), null);

  it("scores each department as 100 × Σ w(1 − rate) / Σ w over its checked rules", () => {
    const [registry, licenses, cases] = report.departments;
    expect(report.departments.map((d) => d.department)).toEqual(["registry", "licenses", "cases"]);
    expect(registry.score).toBeCloseTo(97.625, 10);
    expect(licenses.score).toBeCloseTo(874 / 9, 10);
    expect(cases.score).toBeNull();
    expect(registry).toMatchObject({ checked: 3400, failed: 64, rules: 11, rulesScored: 4, rulesFailing: 3, zh: "公安局户籍管理（人口库）", en: "Household registry" });
    expect(licenses).toMatchObject({ checked: 1300, failed: 27, rules: 11, rulesScored: 4, rulesFailing: 3 });
    expect(cases).toMatchObject({ checked: 0, failed: 0, rules: 7, rulesScored: 0, rulesFailing: 0 });
  });

  it("scores each dimension the same way", () => {
    const by = Object.fromEntries(report.dimensions.map((d) => [d.dimension, d]));
    expect(report.dimensions.map((d) => d.dimension)).toEqual(["COMPLETENESS", "VALIDITY", "CONSISTENCY", "ACCURACY", "TIMELINESS", "UNIQUENESS"]);
    expect(by.COMPLETENESS.score).toBeCloseTo(99.5, 10); // (2·0.99 + 2·1) / 4
    expect(by.VALIDITY.score).toBeCloseTo(95.25, 10); // (3·0.95 + 1·1 + 3·0.99 + 1·0.8) / 8
    expect(by.CONSISTENCY.score).toBeCloseTo(99, 10); // (2·0.99 + 3·0.99) / 5
    expect(by.ACCURACY.score).toBeNull();
    expect(by.TIMELINESS.score).toBeNull();
    expect(by.UNIQUENESS.score).toBeNull();
    expect(by.VALIDITY).toMatchObject({ checked: 2600, failed: 75, zh: "规范性", en: "Validity" });
  });

  it("scores the whole run over all rules and totals the counts", () => {
    expect(report.overall.score).toBeCloseTo(1655 / 17, 10);
    expect(report.overall).toMatchObject({ checked: 4700, failed: 91, rules: QUALITY_RULES.length, rulesScored: 8, rulesFailing: 6 });
  });

  it("carries every rule of the catalogue with its counts, rate, samples and share of the department score", () => {
    expect(report.rules.map((r) => r.id)).toEqual(QUALITY_RULES.map((r) => r.id));
    expect(rule(report, "REG_ID_NUMBER")).toMatchObject({
      dimension: "VALIDITY", department: "registry", severity: "HIGH", weight: 3, scope: "SILO", kind: "PERSON",
      checked: 1000, failed: 50, rate: 0.05, samples: ["REG_ID_NUMBER-key-1", "REG_ID_NUMBER-key-2", "REG_ID_NUMBER-key-3"],
      zh: expect.stringContaining("GB 11643"), en: expect.stringContaining("GB 11643"),
    });
    expect(rule(report, "REG_ID_NUMBER").departmentPoints).toBeCloseTo(35.625, 10); // 100 × 3 × 0.95 / 8
    expect(rule(report, "REG_ID_NUMBER").departmentPointsLost).toBeCloseTo(1.875, 10); // 100 × 3 × 0.05 / 8
    expect(rule(report, "CASE_OVERDUE")).toMatchObject({ checked: 0, failed: 0, rate: null, samples: [], departmentPoints: null, departmentPointsLost: null });
    const registryPoints = report.rules.filter((r) => r.department === "registry").reduce((s, r) => s + (r.departmentPoints ?? 0), 0);
    expect(registryPoints).toBeCloseTo(97.625, 10);
  });

  it("states the run and the scoring method", () => {
    expect(report).toMatchObject({
      version: 1, id: "2025-06-30T01-02-13.500Z", asOf: "2025-06-30", durationMs: 133_500,
      records: { registry: 1400, licenses: 800, cases: 0 }, recordsRead: 2200, trend: null,
    });
    expect(report.scoring.weights).toEqual({ HIGH: 3, MEDIUM: 2, LOW: 1 });
    expect(report.scoring.en).toContain("HIGH 3, MEDIUM 2, LOW 1");
    expect(report.scoring.zh).toContain("高 3、中 2、低 1");
  });

  it("compares with the previous run: its scores and each rule's failure delta", () => {
    const previous = buildReport(fakeRun({ ...HAND_COUNTS, REG_ID_NUMBER: [1000, 80] }, { asOf: "2025-06-29", finishedAt: "2025-06-29T01:00:00.000Z", startedAt: "2025-06-29T00:58:00.000Z" }), null);
    expect(previous.departments[0].score).toBeCloseTo(96.5, 10); // (1.98 + 3·0.92 + 1 + 1.98) / 8
    // The previous run did not have CASE_OVERDUE (a rule added since).
    previous.rules = previous.rules.filter((r) => r.id !== "CASE_OVERDUE");
    const next = buildReport(fakeRun(HAND_COUNTS), previous);
    const trend = next.trend!;
    expect(trend.previous).toMatchObject({ id: "2025-06-29T01-00-00.000Z", asOf: "2025-06-29", checked: 4700, failed: 121 });
    expect(trend.departments.registry.previous).toBeCloseTo(96.5, 10);
    expect(trend.departments.registry.current).toBeCloseTo(97.625, 10);
    expect(trend.departments.registry.delta).toBeCloseTo(1.125, 10);
    expect(trend.departments.licenses.delta).toBeCloseTo(0, 10);
    expect(trend.departments.cases).toEqual({ previous: null, current: null, delta: null });
    expect(trend.overall.delta).toBeCloseTo(9 / 17, 10); // 100 × (16.55 − 16.46) / 17
    expect(trend.dimensions.VALIDITY.delta).toBeCloseTo(100 * 0.09 / 8, 10);
    expect(trend.dimensions.ACCURACY.delta).toBeNull();
    expect(trend.rules.map((r) => r.rule)).toEqual(QUALITY_RULES.map((r) => r.id));
    const id = trend.rules.find((r) => r.rule === "REG_ID_NUMBER")!;
    expect(id).toMatchObject({ previousChecked: 1000, previousFailed: 80, failedDelta: -30 });
    expect(id.rateDelta).toBeCloseTo(-0.03, 12);
    expect(trend.rules.find((r) => r.rule === "REG_REQUIRED")).toEqual({ rule: "REG_REQUIRED", previousChecked: 1000, previousFailed: 10, failedDelta: 0, rateDelta: 0 });
    expect(trend.rules.find((r) => r.rule === "CASE_OVERDUE")).toEqual({ rule: "CASE_OVERDUE", previousChecked: null, previousFailed: null, failedDelta: null, rateDelta: null });
    expect(trend.rules.find((r) => r.rule === "CASE_REQUIRED")).toEqual({ rule: "CASE_REQUIRED", previousChecked: 0, previousFailed: 0, failedDelta: 0, rateDelta: null });
  });

  it("refuses a run that breaks the engine's contract", () => {
    const run = fakeRun(HAND_COUNTS);
    expect(() => buildReport({ ...run, counts: run.counts.filter((c) => c.rule !== "LIC_DATES") }, null)).toThrow(/no count for rule LIC_DATES/);
    expect(() => buildReport({ ...run, counts: [...run.counts, { rule: "NOPE", checked: 1, failed: 0 }] }, null)).toThrow(/NOPE/);
    expect(() => buildReport({ ...run, counts: run.counts.map((c) => (c.rule === "REG_REQUIRED" ? { ...c, failed: 1001 } : c)) }, null)).toThrow(/REG_REQUIRED: checked 1000, failed 1001/);
  });

  it("is pure: the same input gives the same report", () => {
    expect(buildReport(fakeRun(HAND_COUNTS), null)).toEqual(report);
  });
});

describe("scoreGroup", () => {
  it("weights by severity and leaves out rules that checked nothing", () => {
    expect(scoreGroup([{ weight: 3, checked: 10, failed: 5, rate: 0.5 }, { weight: 1, checked: 4, failed: 0, rate: 0 }, { weight: 2, checked: 0, failed: 0, rate: null }])).toEqual({
      score: 62.5, // 100 × (3·0.5 + 1·1) / 4
      checked: 14, failed: 5, rules: 3, rulesScored: 2, rulesFailing: 1,
    });
    expect(scoreGroup([]).score).toBeNull();
    expect(scoreGroup([{ weight: 1, checked: 3, failed: 3, rate: 1 }]).score).toBe(0);
  });
});
