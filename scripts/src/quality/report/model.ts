// From one engine run to the report: per rule its counts and rate, per department and
// per dimension a severity-weighted 0–100 score, and the change since the previous run.
// Pure: the same run and previous report give the same report.
import {
  DEPARTMENT_LABELS, DIMENSION_LABELS, DIMENSIONS, QUALITY_DEPARTMENTS, QUALITY_REPORT_VERSION, QUALITY_RULES, reportIdFor,
  SEVERITY_WEIGHT, summarizeReport,
  type Dimension, type QualityDepartment, type QualityReport, type QualityScoring, type QualityTrend, type RuleChange,
  type RuleResult, type ScoreChange, type ScoreGroup,
} from "@onceonly/shared";
import type { QualityRun } from "../engine/types.js";

export const SCORING: QualityScoring = {
  weights: { ...SEVERITY_WEIGHT },
  en:
    "Score = 100 × Σ w·(1 − rate) / Σ w over the rules of the department (or dimension) that checked at least one record; " +
    "w is the rule's severity weight: HIGH 3, MEDIUM 2, LOW 1; rate = failed / checked. The overall score is the same over all rules. " +
    "A group none of whose rules checked a record has no score.",
  zh:
    "评分 = 100 × Σ 权重 ×（1 − 不合格率）/ Σ 权重，对部门（或维度）内检查记录数大于 0 的规则求和；" +
    "权重按严重程度：高 3、中 2、低 1；不合格率 = 不合格数 / 检查记录数。综合评分对全部规则同样计算。" +
    "没有任何规则检查到记录的分组不计分。",
};

export function buildReport(run: QualityRun, previous: QualityReport | null): QualityReport {
  const counts = new Map(run.counts.map((c) => [c.rule, c]));
  const unknown = run.counts.filter((c) => !QUALITY_RULES.some((r) => r.id === c.rule)).map((c) => c.rule);
  if (unknown.length > 0) throw new Error(`the run counts rules the catalogue does not have: ${unknown.join(", ")}`);

  const bare = QUALITY_RULES.map((rule) => {
    const count = counts.get(rule.id);
    if (!count) throw new Error(`the run has no count for rule ${rule.id} (QualityRun.counts holds one per rule of QUALITY_RULES)`);
    const { checked, failed } = count;
    if (!Number.isSafeInteger(checked) || !Number.isSafeInteger(failed) || checked < 0 || failed < 0 || failed > checked) {
      throw new Error(`rule ${rule.id}: checked ${checked}, failed ${failed} (whole numbers, 0 ≤ failed ≤ checked)`);
    }
    return {
      id: rule.id, dimension: rule.dimension, department: rule.department, severity: rule.severity, weight: SEVERITY_WEIGHT[rule.severity],
      scope: rule.scope, kind: rule.kind, checks: rule.checks, zh: rule.zh, en: rule.en,
      checked, failed, rate: checked === 0 ? null : failed / checked, samples: [...(run.samples[rule.id] ?? [])],
    };
  });
  const departmentWeight = (department: QualityDepartment) => scoredWeight(bare.filter((r) => r.department === department));
  const rules: RuleResult[] = bare.map((r) => {
    const total = departmentWeight(r.department);
    return {
      ...r,
      departmentPoints: r.rate === null ? null : (100 * r.weight * (1 - r.rate)) / total,
      departmentPointsLost: r.rate === null ? null : (100 * r.weight * r.rate) / total,
    };
  });

  const departments = QUALITY_DEPARTMENTS.map((department) => ({ department, ...DEPARTMENT_LABELS[department], ...scoreGroup(rules.filter((r) => r.department === department)) }));
  const dimensions = DIMENSIONS.map((dimension) => ({ dimension, ...DIMENSION_LABELS[dimension], ...scoreGroup(rules.filter((r) => r.dimension === dimension)) }));
  const records = Object.fromEntries(QUALITY_DEPARTMENTS.map((d) => [d, run.records[d] ?? 0])) as Record<QualityDepartment, number>;
  const report: QualityReport = {
    version: QUALITY_REPORT_VERSION,
    id: reportIdFor(run.finishedAt),
    asOf: run.asOf,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt)),
    records,
    recordsRead: QUALITY_DEPARTMENTS.reduce((sum, d) => sum + records[d], 0),
    scoring: SCORING,
    overall: scoreGroup(rules),
    departments,
    dimensions,
    rules,
    trend: null,
  };
  report.trend = previous ? trendAgainst(report, previous) : null;
  return report;
}

/** 100 × Σ w·(1 − rate) / Σ w over the rules that checked something; null when none did. */
export function scoreGroup(rules: readonly Pick<RuleResult, "weight" | "checked" | "failed" | "rate">[]): ScoreGroup {
  const scored = rules.filter((r) => r.rate !== null);
  const weight = scoredWeight(scored);
  return {
    score: weight === 0 ? null : (100 * scored.reduce((sum, r) => sum + r.weight * (1 - r.rate!), 0)) / weight,
    checked: rules.reduce((sum, r) => sum + r.checked, 0),
    failed: rules.reduce((sum, r) => sum + r.failed, 0),
    rules: rules.length,
    rulesScored: scored.length,
    rulesFailing: rules.filter((r) => r.failed > 0).length,
  };
}

function scoredWeight(rules: readonly Pick<RuleResult, "weight" | "rate">[]): number {
  return rules.reduce((sum, r) => sum + (r.rate === null ? 0 : r.weight), 0);
}

function trendAgainst(report: QualityReport, previous: QualityReport): QualityTrend {
  const before = summarizeReport(previous);
  const now = summarizeReport(report);
  const change = (p: number | null, c: number | null): ScoreChange => ({ previous: p, current: c, delta: p === null || c === null ? null : c - p });
  const previousRules = new Map(previous.rules.map((r) => [r.id, r]));
  return {
    previous: before,
    overall: change(before.overall, now.overall),
    departments: Object.fromEntries(QUALITY_DEPARTMENTS.map((d) => [d, change(before.departments[d] ?? null, now.departments[d])])) as Record<QualityDepartment, ScoreChange>,
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, change(before.dimensions[d] ?? null, now.dimensions[d])])) as Record<Dimension, ScoreChange>,
    rules: report.rules.map((r): RuleChange => {
      const p = previousRules.get(r.id);
      if (!p) return { rule: r.id, previousChecked: null, previousFailed: null, failedDelta: null, rateDelta: null };
      return {
        rule: r.id,
        previousChecked: p.checked,
        previousFailed: p.failed,
        failedDelta: r.failed - p.failed,
        rateDelta: r.rate === null || p.rate === null ? null : r.rate - p.rate,
      };
    }),
  };
}
