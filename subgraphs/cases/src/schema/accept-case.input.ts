// What a window sends to accept a case: the matter, the applicant, the readiness check it
// was shown, each material with how it was submitted, and the form as finally submitted.
import { SubmissionMethod } from "@onceonly/shared";
import { Field, ID, InputType } from "type-graphql";
import type { SubmissionMethodValue } from "../source/records.js";
import { FormField, type FormFieldValue } from "./form-field.enum.js";

@InputType("MaterialSubmissionInput", { description: "One material of the matter and how the applicant submitted it" })
export class MaterialSubmissionInput {
  @Field(() => ID, { description: "材料编码 of the matter (for a bundle: the bundle's own material code)" })
  materialCode!: string;

  @Field(() => SubmissionMethod.enum, {
    description: "SHARED_DATA: satisfied from the registry per the readiness check; E_LICENSE: licenseId + receipt; COMMITMENT / DEFERRED: only where the matter allows it",
  })
  method!: SubmissionMethodValue;

  @Field(() => ID, { nullable: true, description: "证照标识 of the cited licence (E_LICENSE)" })
  licenseId?: string | null;

  @Field(() => String, { nullable: true, description: "The licence's signed verification receipt (compact JWS), as readiness or verifyLicense gave it (E_LICENSE)" })
  receipt?: string | null;
}

@InputType("FormFieldInput", { description: "A form field as the window finally submitted it (prefilled or typed)" })
export class FormFieldInput {
  @Field(() => FormField)
  field!: FormFieldValue;

  @Field(() => String, { nullable: true, description: "The value as typed; leave out with asPrefilled" })
  value?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "按预填: keep the value the readiness check prefilled, unchanged. For windows that saw it masked (110105********002X): the case keeps the full value the check recorded",
  })
  asPrefilled?: boolean | null;
}

@InputType("AcceptCaseInput", { description: "受理: accept a case citing shared data instead of copies" })
export class AcceptCaseInput {
  @Field(() => String, {
    description: "8-128 printable ASCII characters chosen by the window; the same key with the same request returns the same case, never a second one",
  })
  idempotencyKey!: string;

  @Field(() => ID, { description: "事项编码 (a matter or a one-thing bundle)" })
  matterCode!: string;

  @Field(() => ID, { description: "公民身份号码 for a matter serving persons, 统一社会信用代码 for one serving organisations" })
  applicant!: string;

  @Field(() => String, { nullable: true, description: "申请人姓名/名称; the readiness check's prefilled name when omitted" })
  applicantName?: string | null;

  @Field(() => ID, { description: "The readiness check (Person/Organization.readiness) the window was shown for this applicant and matter" })
  readinessId!: string;

  @Field(() => [MaterialSubmissionInput])
  materials!: MaterialSubmissionInput[];

  @Field(() => [FormFieldInput], { nullable: true, description: "The applicant block of the form as submitted" })
  formFields?: FormFieldInput[] | null;

  @Field(() => String, { nullable: true, description: "受理人 (the clerk)" })
  handler?: string | null;
}
