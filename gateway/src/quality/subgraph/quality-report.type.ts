// The stewards' view of the report history (shared/src/quality/report/types.ts): the
// same report the CLI writes, with its per-department and per-dimension maps as lists.
// Keys only, never personal data: samples name records by their silo keys.
import type { Dimension, QualityDepartment, RecordKind, RuleScope, Severity } from "@onceonly/shared";
import { GraphQLSafeInt } from "graphql-scalars";
import { Field, Float, ID, ObjectType } from "type-graphql";
import { QualityDepartmentEnum, QualityDimensionEnum, QualityRecordKindEnum, QualityRuleScopeEnum, QualitySeverityEnum } from "./quality-enums.js";

@ObjectType("QualityDepartmentRecords")
export class QualityDepartmentRecords {
  @Field(() => QualityDepartmentEnum)
  department!: QualityDepartment;

  @Field(() => GraphQLSafeInt)
  records!: number;
}

@ObjectType("QualityDepartmentScoreValue")
export class QualityDepartmentScoreValue {
  @Field(() => QualityDepartmentEnum)
  department!: QualityDepartment;

  @Field(() => Float, { nullable: true, description: "0–100; null when none of its rules checked a record" })
  score!: number | null;
}

@ObjectType("QualityDimensionScoreValue")
export class QualityDimensionScoreValue {
  @Field(() => QualityDimensionEnum)
  dimension!: Dimension;

  @Field(() => Float, { nullable: true, description: "0–100; null when none of its rules checked a record" })
  score!: number | null;
}

@ObjectType("QualityReportSummary", { description: "A run in a line: what the history lists and the trend compares against" })
export class QualityReportSummaryType {
  @Field(() => ID, { description: "The run's finishing time, as the history names it (qualityReport(id:))" })
  id!: string;

  @Field(() => String, { description: "Report day, YYYY-MM-DD (China)" })
  asOf!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date)
  finishedAt!: Date;

  @Field(() => GraphQLSafeInt)
  recordsRead!: number;

  @Field(() => Float, { nullable: true, description: "综合评分 0–100" })
  overall!: number | null;

  @Field(() => [QualityDepartmentScoreValue])
  departments!: QualityDepartmentScoreValue[];

  @Field(() => [QualityDimensionScoreValue])
  dimensions!: QualityDimensionScoreValue[];

  @Field(() => GraphQLSafeInt, { description: "Records checked, summed over rules" })
  checked!: number;

  @Field(() => GraphQLSafeInt, { description: "Failures, summed over rules" })
  failed!: number;
}

@ObjectType("QualitySeverityWeight")
export class QualitySeverityWeight {
  @Field(() => QualitySeverityEnum)
  severity!: Severity;

  @Field(() => Float)
  weight!: number;
}

@ObjectType("QualityScoring", { description: "How the scores are computed, as the report states it" })
export class QualityScoringType {
  @Field(() => [QualitySeverityWeight])
  weights!: QualitySeverityWeight[];

  @Field(() => String)
  zh!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType("QualityScoreGroup", { description: "A score over a group of rules (all, a department's, a dimension's)" })
export class QualityScoreGroup {
  @Field(() => Float, { nullable: true, description: "0–100: 100 × Σ w·(1 − rate) / Σ w over the rules that checked a record; null when none did" })
  score!: number | null;

  @Field(() => GraphQLSafeInt)
  checked!: number;

  @Field(() => GraphQLSafeInt)
  failed!: number;

  @Field(() => GraphQLSafeInt)
  rules!: number;

  @Field(() => GraphQLSafeInt, { description: "Rules that checked at least one record (they carry the score)" })
  rulesScored!: number;

  @Field(() => GraphQLSafeInt, { description: "Rules with at least one failure" })
  rulesFailing!: number;
}

@ObjectType("QualityDepartmentScore")
export class QualityDepartmentScore extends QualityScoreGroup {
  @Field(() => QualityDepartmentEnum)
  department!: QualityDepartment;

  @Field(() => String)
  zh!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType("QualityDimensionScore")
export class QualityDimensionScore extends QualityScoreGroup {
  @Field(() => QualityDimensionEnum)
  dimension!: Dimension;

  @Field(() => String)
  zh!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType("QualityRuleResult", { description: "One rule of the catalogue: what it checked and found" })
export class QualityRuleResult {
  @Field(() => ID)
  id!: string;

  @Field(() => QualityDimensionEnum)
  dimension!: Dimension;

  @Field(() => QualityDepartmentEnum)
  department!: QualityDepartment;

  @Field(() => QualitySeverityEnum)
  severity!: Severity;

  @Field(() => Float)
  weight!: number;

  @Field(() => QualityRuleScopeEnum)
  scope!: RuleScope;

  @Field(() => QualityRecordKindEnum)
  kind!: RecordKind;

  @Field(() => String, { description: "Which records are checked (the rate's denominator)" })
  checks!: string;

  @Field(() => String)
  zh!: string;

  @Field(() => String)
  en!: string;

  @Field(() => GraphQLSafeInt)
  checked!: number;

  @Field(() => GraphQLSafeInt)
  failed!: number;

  @Field(() => Float, { nullable: true, description: "failed / checked; null when nothing was checked" })
  rate!: number | null;

  @Field(() => [ID], { description: "Some failing records' silo keys" })
  samples!: string[];

  @Field(() => Float, { nullable: true })
  departmentPoints!: number | null;

  @Field(() => Float, { nullable: true })
  departmentPointsLost!: number | null;
}

@ObjectType("QualityScoreChange")
export class QualityScoreChange {
  @Field(() => Float, { nullable: true })
  previous!: number | null;

  @Field(() => Float, { nullable: true })
  current!: number | null;

  @Field(() => Float, { nullable: true, description: "current − previous; null when either is null" })
  delta!: number | null;
}

@ObjectType("QualityDepartmentChange")
export class QualityDepartmentChange extends QualityScoreChange {
  @Field(() => QualityDepartmentEnum)
  department!: QualityDepartment;
}

@ObjectType("QualityDimensionChange")
export class QualityDimensionChange extends QualityScoreChange {
  @Field(() => QualityDimensionEnum)
  dimension!: Dimension;
}

@ObjectType("QualityRuleChange")
export class QualityRuleChange {
  @Field(() => ID)
  rule!: string;

  @Field(() => GraphQLSafeInt, { nullable: true, description: "null when the previous run did not have the rule" })
  previousChecked!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  previousFailed!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  failedDelta!: number | null;

  @Field(() => Float, { nullable: true })
  rateDelta!: number | null;
}

@ObjectType("QualityTrend", { description: "Against the run before it in the history" })
export class QualityTrendType {
  @Field(() => QualityReportSummaryType)
  previous!: QualityReportSummaryType;

  @Field(() => QualityScoreChange)
  overall!: QualityScoreChange;

  @Field(() => [QualityDepartmentChange])
  departments!: QualityDepartmentChange[];

  @Field(() => [QualityDimensionChange])
  dimensions!: QualityDimensionChange[];

  @Field(() => [QualityRuleChange])
  rules!: QualityRuleChange[];
}

@ObjectType("QualityReport", { description: "数据质量报告: one run over the three silos, scored per department and per dimension" })
export class QualityReportType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Report day, YYYY-MM-DD (China)" })
  asOf!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date)
  finishedAt!: Date;

  @Field(() => GraphQLSafeInt)
  durationMs!: number;

  @Field(() => [QualityDepartmentRecords], { description: "Records read per department (persons+households, licences, cases+materials)" })
  records!: QualityDepartmentRecords[];

  @Field(() => GraphQLSafeInt)
  recordsRead!: number;

  @Field(() => QualityScoringType)
  scoring!: QualityScoringType;

  @Field(() => QualityScoreGroup)
  overall!: QualityScoreGroup;

  @Field(() => [QualityDepartmentScore])
  departments!: QualityDepartmentScore[];

  @Field(() => [QualityDimensionScore])
  dimensions!: QualityDimensionScore[];

  @Field(() => [QualityRuleResult], { description: "In catalogue order" })
  rules!: QualityRuleResult[];

  @Field(() => QualityTrendType, { nullable: true, description: "null for the first run" })
  trend!: QualityTrendType | null;
}
