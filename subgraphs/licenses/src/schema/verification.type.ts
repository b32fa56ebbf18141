// 证照核验: the question another department asks ("is this licence genuine and valid for
// the person or company showing it?") and the answer it gets, with a signed receipt.
import { LocalDate, VerificationOutcome, type VerificationOutcomeValue } from "@onceonly/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import type { LicenseRecord } from "../source/index.js";
import { License } from "./license.type.js";

@InputType("VerifyLicenseInput", {
  description: "The licence shown: either `id`, or `typeCode` + `number`; optionally who shows it and for which date",
})
export class VerifyLicenseInput {
  @Field(() => ID, { nullable: true, description: "证照标识 (GB/T 36904)" })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "证照类型代码, with `number`" })
  typeCode?: string | null;

  @Field(() => String, { nullable: true, description: "证照编号, with `typeCode`" })
  number?: string | null;

  @Field(() => String, { nullable: true, description: "持证主体代码 shown: ID number or unified social credit code" })
  holderCode?: string | null;

  @Field(() => String, { nullable: true, description: "持证主体名称 shown; full-width/half-width and surrounding spaces are tolerated" })
  holderName?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "The date validity is judged for; default today in Asia/Shanghai" })
  asOf?: string | null;
}

@ObjectType("LicenseVerification", { description: "证照核验结果, read from the licence silo itself (never a cache)" })
export class LicenseVerification {
  @Field(() => VerificationOutcome)
  outcome!: VerificationOutcomeValue;

  @Field(() => String, { description: "原因 (Chinese)" })
  reason!: string;

  @Field(() => String, { description: "The reason in English" })
  reasonEn!: string;

  @Field(() => License, { nullable: true, description: "Null when NOT_FOUND or MALFORMED_IDENTIFIER" })
  license!: LicenseRecord | null;

  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => LocalDate)
  asOf!: string;

  @Field(() => [String], { description: "Findings that did not change the outcome (e.g. a pilot-era credit code)" })
  warnings!: string[];

  @Field(() => String, { description: "Compact JWS (EdDSA) over the result; check it offline against the gateway's /.well-known/jwks.json" })
  receipt!: string;
}
