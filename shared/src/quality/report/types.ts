// The data quality report: what one run over the three silos found, scored per department
// and per dimension, with the trend against the run before it. Built by the report CLI
// (scripts/src/quality/report/), kept as one JSON file per run (./history.ts), read back
// by the CLI (trend) and by the gateway's steward query. Keys only, never personal data.
import type { Dimension, QualityDepartment, RecordKind, RuleScope, Severity } from "../rules.js";

/** Bumped when a field changes meaning; the history refuses files of another version. */
export const QUALITY_REPORT_VERSION = 1;

export interface QualityReport {
  version: typeof QUALITY_REPORT_VERSION;
  /** The history file's name without ".json": finishedAt with ":" → "-" (sorts as time does). */
  id: string;
  /** Report day, YYYY-MM-DD (China). */
  asOf: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Records read per department (persons+households, licences, cases+materials). */
  records: Record<QualityDepartment, number>;
  recordsRead: number;
  scoring: QualityScoring;
  overall: ScoreGroup;
  /** One per QUALITY_DEPARTMENTS entry, in that order. */
  departments: DepartmentScore[];
  /** One per DIMENSIONS entry, in that order. */
  dimensions: DimensionScore[];
  /** One per QUALITY_RULES entry, in catalogue order. */
  rules: RuleResult[];
  /** Against the previous run in the history; null for the first run. */
  trend: QualityTrend | null;
}

/** How the scores are computed, stated in the report itself. */
export interface QualityScoring {
  weights: Record<Severity, number>;
  en: string;
  zh: string;
}

export interface ScoreGroup {
  /**
   * 0–100: 100 × Σ w·(1 − rate) / Σ w over the group's rules that checked at least one
   * record, w = SEVERITY_WEIGHT of the rule. null when none of its rules checked a record.
   */
  score: number | null;
  /** Sums over the group's rules (a record checked by two rules counts twice). */
  checked: number;
  failed: number;
  /** Rules in the group, and of those the ones that checked a record (they carry the score). */
  rules: number;
  rulesScored: number;
  /** Rules with at least one failure. */
  rulesFailing: number;
}

export interface DepartmentScore extends ScoreGroup {
  department: QualityDepartment;
  zh: string;
  en: string;
}

export interface DimensionScore extends ScoreGroup {
  dimension: Dimension;
  zh: string;
  en: string;
}

export interface RuleResult {
  id: string;
  dimension: Dimension;
  department: QualityDepartment;
  severity: Severity;
  weight: number;
  scope: RuleScope;
  kind: RecordKind;
  /** Which records are checked (the rate's denominator), from the catalogue. */
  checks: string;
  zh: string;
  en: string;
  checked: number;
  failed: number;
  /** failed / checked; null when nothing was checked. */
  rate: number | null;
  /** Up to the run's sample size of failing records' keys. */
  samples: string[];
  /**
   * Points of its department's score this rule accounts for: 100 × w·(1 − rate) / Σ w
   * (summed over the department's rules it is the department's score), and the points its
   * failures cost, 100 × w·rate / Σ w. null when the rule checked nothing.
   */
  departmentPoints: number | null;
  departmentPointsLost: number | null;
}

/** A run in a line: what the history lists and the trend compares against. */
export interface QualityReportSummary {
  id: string;
  asOf: string;
  startedAt: string;
  finishedAt: string;
  recordsRead: number;
  overall: number | null;
  departments: Record<QualityDepartment, number | null>;
  dimensions: Record<Dimension, number | null>;
  checked: number;
  failed: number;
}

export interface ScoreChange {
  previous: number | null;
  current: number | null;
  /** current − previous; null when either is null. */
  delta: number | null;
}

export interface RuleChange {
  rule: string;
  /** null when the previous run did not have the rule. */
  previousChecked: number | null;
  previousFailed: number | null;
  /** failed now − failed then. */
  failedDelta: number | null;
  /** rate now − rate then; null when either rate is null. */
  rateDelta: number | null;
}

export interface QualityTrend {
  previous: QualityReportSummary;
  overall: ScoreChange;
  departments: Record<QualityDepartment, ScoreChange>;
  dimensions: Record<Dimension, ScoreChange>;
  /** One per rule of this report, in its order. */
  rules: RuleChange[];
}
