// The quality catalogue's vocabularies as GraphQL enums (values as the report stores them:
// departments lower-case, everything else upper-case).
import { registerEnumType } from "type-graphql";
import { DEPARTMENT_LABELS, DIMENSION_LABELS, DIMENSIONS, QUALITY_DEPARTMENTS, type Dimension, type QualityDepartment, type RecordKind, type RuleScope, type Severity } from "@onceonly/shared";

export const QualityDepartmentEnum = Object.fromEntries(QUALITY_DEPARTMENTS.map((d) => [d.toUpperCase(), d])) as Record<string, QualityDepartment>;
registerEnumType(QualityDepartmentEnum, {
  name: "QualityDepartment",
  description: "The department whose records a rule checks (and who must fix them)",
  valuesConfig: Object.fromEntries(QUALITY_DEPARTMENTS.map((d) => [d.toUpperCase(), { description: `${DEPARTMENT_LABELS[d].zh} (${DEPARTMENT_LABELS[d].en})` }])),
});

export const QualityDimensionEnum = Object.fromEntries(DIMENSIONS.map((d) => [d, d])) as Record<Dimension, Dimension>;
registerEnumType(QualityDimensionEnum, {
  name: "QualityDimension",
  description: "Data quality dimension (GB/T 36344)",
  valuesConfig: Object.fromEntries(DIMENSIONS.map((d) => [d, { description: `${DIMENSION_LABELS[d].zh} (${DIMENSION_LABELS[d].en})` }])),
});

export const QualitySeverityEnum: Record<Severity, Severity> = { HIGH: "HIGH", MEDIUM: "MEDIUM", LOW: "LOW" };
registerEnumType(QualitySeverityEnum, { name: "QualitySeverity", description: "A rule's weight in the scores: HIGH 3, MEDIUM 2, LOW 1" });

export const QualityRuleScopeEnum: Record<RuleScope, RuleScope> = { SILO: "SILO", FEDERATED: "FEDERATED" };
registerEnumType(QualityRuleScopeEnum, {
  name: "QualityRuleScope",
  description: "SILO: the department's subgraph scans its own silo; FEDERATED: records joined across silos through the gateway",
});

export const QualityRecordKindEnum: Record<RecordKind, RecordKind> = { PERSON: "PERSON", HOUSEHOLD: "HOUSEHOLD", LICENSE: "LICENSE", CASE: "CASE", CASE_MATERIAL: "CASE_MATERIAL" };
registerEnumType(QualityRecordKindEnum, {
  name: "QualityRecordKind",
  description: "What a rule's sample keys name: 人口编号, 户号, 证照标识, 办件编号 or 办件编号/材料编码",
});
