// One licence a holder holds, judged now: what a window pulling "everything the government
// already knows" about an applicant gets per licence (Person/Organization.licenseEvidence).
// The outcome is verifyLicense's for the holder's own licence; a VALID one carries the
// same signed receipt, so a case can cite it instead of an upload.
import { LicenseStatus, LocalDate, VerificationOutcome, type VerificationOutcomeValue } from "@onceonly/shared";
import { Field, ID, ObjectType } from "type-graphql";
import type { LicenseRecord, LicenseStatusValue } from "../source/index.js";
import { License } from "./license.type.js";

@ObjectType("LicenseEvidence", { description: "证照调取: one licence a holder holds, judged at checkedAt" })
export class LicenseEvidence {
  @Field(() => ID, { description: "证照标识" })
  licenseId!: string;

  @Field(() => License)
  license!: LicenseRecord;

  @Field(() => ID, { description: "证照类型代码" })
  typeCode!: string;

  @Field(() => String, { nullable: true, description: "证照类型名称" })
  typeName!: string | null;

  @Field(() => String, { nullable: true, description: "证照编号" })
  number!: string | null;

  @Field(() => String, { nullable: true, description: "持证主体 as written on the licence" })
  holderName!: string | null;

  @Field(() => String, { nullable: true, description: "颁发机构" })
  issuer!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "颁发日期" })
  issuedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: "有效期截止日期; null = long-term (长期)" })
  validUntil!: string | null;

  @Field(() => LicenseStatus.enum, { nullable: true, description: "Stored status; the verdict is `outcome`" })
  status!: LicenseStatusValue | null;

  @Field(() => VerificationOutcome, { description: "As verifyLicense answers for this licence shown by its own holder, today in China" })
  outcome!: VerificationOutcomeValue;

  @Field(() => String, {
    nullable: true,
    description: "Signed verification receipt (compact JWS, as verifyLicense's) for a VALID licence; null otherwise. A 调取 usage record was written for it",
  })
  receipt!: string | null;

  @Field(() => Date, { description: "When the licence silo was read" })
  checkedAt!: Date;

  @Field(() => Date, { nullable: true, description: "更新时间 (gxsj): provenance of the data above" })
  updatedAt!: Date | null;
}
