// Readiness (办事准备度): for one applicant and one matter, which materials shared data
// already satisfies, the form prefilled with each value's provenance, and the id of the
// kept check an acceptance cites.
import { LocalDate, Relationship, Sex, SubmissionMethod } from "@onceonly/shared";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { MaterialReadinessAnswer, ReadinessAnswer } from "../readiness/compute.js";
import type { LicenseFact, MemberFact } from "../readiness/facts.js";
import { UNSATISFIED_REASONS, type SatisfiedByValue, type UnsatisfiedReasonValue } from "../readiness/materials.js";
import type { DataSourceValue, PrefilledFieldAnswer, PrefilledMemberAnswer, ProvenanceAnswer } from "../readiness/prefill.js";
import type { MaterialRecord, MatterRecord, RegistryFieldValue, SubmissionMethodValue } from "../source/index.js";
import { FormField, type FormFieldValue } from "./form-field.enum.js";
import { Material, Matter } from "./matter.type.js";
import { RegistryField } from "./registry-field.enum.js";

const SatisfiedBy = { LICENSE: "LICENSE", REGISTRY: "REGISTRY" } as const satisfies Record<SatisfiedByValue, SatisfiedByValue>;
registerEnumType(SatisfiedBy, {
  name: "SatisfiedBy",
  description: "What satisfies a material",
  valuesConfig: { LICENSE: { description: "电子证照 (a valid electronic licence)" }, REGISTRY: { description: "人口库共享数据 (registry data)" } },
});

const UnsatisfiedReason = Object.fromEntries(Object.keys(UNSATISFIED_REASONS).map((k) => [k, k])) as { [K in UnsatisfiedReasonValue]: K };
registerEnumType(UnsatisfiedReason, {
  name: "UnsatisfiedReason",
  description: "Why shared data does not satisfy a material",
  valuesConfig: Object.fromEntries(Object.entries(UNSATISFIED_REASONS).map(([k, zh]) => [k, { description: zh }])) as never,
});

const DataSource = { REGISTRY: "REGISTRY", LICENSES: "LICENSES" } as const satisfies Record<DataSourceValue, DataSourceValue>;
registerEnumType(DataSource, {
  name: "DataSource",
  description: "The department's system a prefilled value comes from",
  valuesConfig: { REGISTRY: { description: "人口库 (household registry)" }, LICENSES: { description: "电子证照库 (electronic licence library)" } },
});

@ObjectType("Provenance", { description: "数据来源: where a prefilled value comes from (like Myinfo's per-attribute source)" })
export class Provenance implements ProvenanceAnswer {
  @Field(() => DataSource)
  source!: DataSourceValue;

  @Field(() => String, { description: "提供部门" })
  department!: string;

  @Field(() => ID, { nullable: true, description: "The source record: 人口编号 (rkbh), 户号, or 证照标识" })
  recordKey!: string | null;

  @Field(() => Date, { nullable: true, description: "When the source last changed the record (gxsj)" })
  updatedAt!: Date | null;
}

@ObjectType("UsedLicense", { description: "The electronic licence that satisfies a material, with the receipt an acceptance cites" })
export class UsedLicense {
  @Field(() => ID, { description: "证照标识", name: "id" })
  licenseId!: string;

  // license (the License entity itself, for anything more) is resolved in readiness.resolver.ts.

  @Field(() => ID, { description: "证照类型代码" })
  typeCode!: string;

  @Field(() => String, { nullable: true, description: "证照类型名称" })
  typeName!: string | null;

  @Field(() => String, { nullable: true, description: "证照编号" })
  number!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "有效期截止日期; null = long-term (长期)" })
  validUntil!: string | null;

  @Field(() => String, { nullable: true, description: "The licence library's signed verification receipt (compact JWS)" })
  receipt!: string | null;
}

@ObjectType("MaterialReadiness", { description: "One material of the matter: satisfied by shared data or not, and how it may be handed in" })
export class MaterialReadiness implements Partial<MaterialReadinessAnswer> {
  @Field(() => Material)
  material!: MaterialRecord;

  @Field(() => Boolean)
  satisfied!: boolean;

  @Field(() => SatisfiedBy, { name: "satisfiedBy", nullable: true })
  by!: SatisfiedByValue | null;

  @Field(() => UsedLicense, { nullable: true, description: "The licence used (satisfiedBy LICENSE)" })
  license!: LicenseFact | null;

  @Field(() => [RegistryField], { description: "The registry fields used (satisfiedBy REGISTRY)" })
  registryFields!: RegistryFieldValue[];

  @Field(() => UnsatisfiedReason, { nullable: true })
  reason!: UnsatisfiedReasonValue | null;

  @Field(() => String, { nullable: true, description: "The reason in Chinese, naming the licence or the missing registry fields" })
  reasonText!: string | null;

  @Field(() => [SubmissionMethod.enum], { description: "提交方式 the window may accept for it" })
  acceptableMethods!: SubmissionMethodValue[];
}

@ObjectType("PrefilledField", { description: "A form field prefilled from shared data" })
export class PrefilledField implements PrefilledFieldAnswer {
  @Field(() => FormField)
  field!: FormFieldValue;

  @Field(() => String, { description: "The field's label on the form" })
  label!: string;

  @Field(() => String, { nullable: true, description: "As the form shows it (the Chinese label of a coded value); null when the source holds none" })
  value!: string | null;

  @Field(() => String, { nullable: true, description: "The enum value behind a coded field (SEX, ETHNICITY, MARITAL_STATUS)" })
  code!: string | null;

  @Field(() => Provenance)
  provenance!: ProvenanceAnswer;
}

@ObjectType("PrefilledMember", { description: "A member of the applicant's household, from the registry" })
export class PrefilledMember implements PrefilledMemberAnswer {
  @Field(() => ID)
  idNumber!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Relationship.enum, { nullable: true, description: "与户主关系" })
  relationship!: MemberFact["relationship"];

  @Field(() => Sex.enum, { nullable: true })
  sex!: MemberFact["sex"];

  @Field(() => LocalDate, { nullable: true })
  birthDate!: string | null;

  @Field(() => Provenance)
  provenance!: ProvenanceAnswer;
}

@ObjectType("Readiness", { description: "办事准备度: what shared data already settles for an applicant and a matter; kept, so an acceptance can cite it by id" })
export class Readiness implements Partial<ReadinessAnswer> {
  @Field(() => ID, { description: "调取编号 of the kept check; acceptCase cites it" })
  id!: string;

  @Field(() => Matter)
  matter!: MatterRecord;

  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => Boolean, { description: "Every required material is satisfied by shared data" })
  ready!: boolean;

  @Field(() => Boolean, { nullable: true, description: "The registry holds a current record (persons; null for organisations)" })
  applicantRegistered!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "The registry's deceased flag (persons; null for organisations)" })
  applicantDeceased!: boolean | null;

  @Field(() => [MaterialReadiness], { description: "The matter's materials in display order" })
  materials!: MaterialReadinessAnswer[];

  @Field(() => [PrefilledField], { description: "The applicant block of the form; empty when no source knows the applicant" })
  prefill!: PrefilledFieldAnswer[];

  @Field(() => [PrefilledMember], { description: "The household's current members (persons)" })
  householdMembers!: PrefilledMemberAnswer[];
}
