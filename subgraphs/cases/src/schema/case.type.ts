// A case (办件): one application for a matter, its materials and its timeline.
import { CaseResult, CaseStatus, Evaluation, SubmissionMethod, PERSONAL } from "@onceonly/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { ApplicantRef, CaseResultValue, CaseStatusValue, EvaluationValue, SubmissionMethodValue } from "../source/records.js";
import { Applicant } from "./applicant.type.js";
import { Matter } from "./matter.type.js";
import { CasesLicense } from "./stubs.type.js";

@Directive(`@key(fields: "number")`)
@ObjectType("Case", { description: "办件: an application for a matter (sp_bj)" })
export class Case {
  @Field(() => ID, { description: "办件编号" })
  number!: string;

  // matter, materials and timeline are resolved through loaders (case.resolver.ts);
  // declared here so the type reads top-down in the order clients see it.
  @Field(() => Matter, { nullable: true, description: "Null when the case names a matter missing from the catalogue" })
  matter!: Matter | null;

  @Directive(PERSONAL)
  @Field(() => Applicant, { nullable: true, description: "Null when the legacy applicant type is missing or unknown" })
  applicant!: ApplicantRef | null;

  @Directive(PERSONAL)
  @Field(() => String, { nullable: true, description: "申请人姓名/名称, as written at acceptance" })
  applicantName!: string | null;

  @Field(() => Date, { nullable: true, description: "受理时间" })
  acceptedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "受理窗口" })
  window!: string | null;

  @Field(() => Date, { nullable: true, description: "承诺办结时间" })
  promisedBy!: Date | null;

  @Field(() => CaseStatus.enum, { nullable: true })
  status!: CaseStatusValue | null;

  @Field(() => Date, { nullable: true, description: "办结时间" })
  completedAt!: Date | null;

  @Field(() => CaseResult.enum, { nullable: true, description: "办结结果" })
  result!: CaseResultValue | null;

  @Field(() => Evaluation.enum, { nullable: true, description: "好差评" })
  evaluation!: EvaluationValue | null;

  @Directive(PERSONAL)
  @Field(() => [CaseMaterial], { description: "Materials as submitted, in the matter's display order" })
  materials!: CaseMaterial[];

  @Field(() => [CaseEvent], { description: "办件过程, oldest first" })
  timeline!: CaseEvent[];
}

@ObjectType("CaseMaterial", { description: "办件材料: a material as submitted for a case" })
export class CaseMaterial {
  @Field(() => ID, { description: "材料编码" })
  code!: string;

  @Field(() => String, { nullable: true, description: "材料名称, from the matter's catalogue" })
  name!: string | null;

  @Field(() => SubmissionMethod.enum, { nullable: true, description: "提交方式" })
  method!: SubmissionMethodValue | null;

  @Field(() => ID, { nullable: true, description: "证照标识 when the material cites a licence by reference" })
  licenseId!: string | null;

  @Field(() => CasesLicense, { nullable: true })
  license!: CasesLicense | null;
}

@ObjectType("CaseEvent", { description: "办件过程: one step of a case's timeline" })
export class CaseEvent {
  @Field(() => CaseStatus.enum, { nullable: true, description: "The status the case entered" })
  status!: CaseStatusValue | null;

  @Field(() => Date, { description: "处理时间" })
  at!: Date;

  @Field(() => String, { nullable: true, description: "处理窗口" })
  window!: string | null;

  @Field(() => String, { nullable: true, description: "处理人" })
  handler!: string | null;

  @Field(() => String, { nullable: true, description: "处理意见" })
  opinion!: string | null;
}
