// 证照核验: the question another department asks ("is this licence genuine and valid for
// the person or company showing it?") and the answer it gets, with a signed receipt.
import { LocalDate } from "@onceonly/shared";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import type { LicenseRecord } from "../source/index.js";
import { License } from "./license.type.js";

export const VerificationOutcome = {
  VALID: "VALID",
  EXPIRED: "EXPIRED",
  NOT_YET_VALID: "NOT_YET_VALID",
  REVOKED: "REVOKED",
  CANCELLED: "CANCELLED",
  REPORTED_LOST: "REPORTED_LOST",
  HOLDER_MISMATCH: "HOLDER_MISMATCH",
  NOT_FOUND: "NOT_FOUND",
  MALFORMED_IDENTIFIER: "MALFORMED_IDENTIFIER",
} as const;
export type VerificationOutcomeValue = (typeof VerificationOutcome)[keyof typeof VerificationOutcome];

/** The fixed reason for each outcome, in Chinese and English (a result's reason may add detail). */
export const OUTCOME_REASONS: Record<VerificationOutcomeValue, { zh: string; en: string }> = {
  VALID: { zh: "证照有效", en: "the licence is valid" },
  EXPIRED: { zh: "证照已过有效期", en: "the licence has expired" },
  NOT_YET_VALID: { zh: "证照尚未生效", en: "the licence is not yet valid" },
  REVOKED: { zh: "证照已被吊销", en: "the licence has been revoked" },
  CANCELLED: { zh: "证照已注销", en: "the licence has been cancelled" },
  REPORTED_LOST: { zh: "证照已挂失", en: "the licence has been reported lost" },
  HOLDER_MISMATCH: { zh: "持证主体与证照记载不符", en: "the holder does not match the licence" },
  NOT_FOUND: { zh: "电子证照库中无此证照", en: "the licence library holds no such licence" },
  MALFORMED_IDENTIFIER: { zh: "证照标识格式或校验位错误", en: "the licence identifier is malformed or fails its check character" },
};

registerEnumType(VerificationOutcome, {
  name: "VerificationOutcome",
  description: "证照核验结果 (licence verification outcome)",
  valuesConfig: Object.fromEntries(
    Object.entries(OUTCOME_REASONS).map(([value, r]) => [value, { description: `${r.zh} (${r.en})` }]),
  ),
});

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
