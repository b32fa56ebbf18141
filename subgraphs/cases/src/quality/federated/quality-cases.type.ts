// The pages the case silo serves for the cross-silo quality checks (see
// quality-cases.source.ts), and the licence library's LicenseHolding as this subgraph
// refers to it: by key only, resolved by the licences subgraph.
import { DEFAULT_FEDERATED_PAGE, LocalDate, MAX_FEDERATED_PAGE, SubmissionMethod } from "@onceonly/shared";
import { ArgsType, Directive, Field, ID, Int, ObjectType } from "type-graphql";
import type { SubmissionMethodValue } from "../../source/index.js";
import { CasesPerson } from "../../schema/applicant.type.js";

@ArgsType()
export class QualityApplicantsArgs {
  @Field(() => LocalDate, { description: "The report day (China): an ID number encoding a later birth date is not well-formed" })
  asOf!: string;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page (of the same partition)" })
  after?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_FEDERATED_PAGE, description: `Applicant codes the page reads, 1 to ${MAX_FEDERATED_PAGE} (it returns the well-formed ones)` })
  first!: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: "Which partition of the applicants to walk, 0 to parts − 1 (pages of different partitions may be read side by side)" })
  part!: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: "Into how many disjoint partitions (ranges of ID numbers) the applicants are split, 1 to 16" })
  parts!: number | null;
}

@ArgsType()
export class QualityMaterialsArgs {
  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_FEDERATED_PAGE, description: `Materials per page, 1 to ${MAX_FEDERATED_PAGE}` })
  first!: number | null;
}

@ObjectType("QualityCaseApplicantPage", { description: "数据质量: person applicants (of cases with applicant kind 1) with a well-formed ID number, in code order" })
export class QualityCaseApplicantPage {
  @Field(() => [CasesPerson])
  nodes!: { idNumber: string }[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null when the page read nothing" })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;

  // Resolved by the resolver, only when asked (it counts the table).
  @Field(() => Int, { description: "Cases of person applicants, well-formed ID number or not (all partitions): what the whole walk will check at most" })
  totalCases!: number;
}

@ObjectType("QualityApplicantCheck", { description: "数据质量: one person's cases judged against the registry's answer whether it holds the ID number (X_APPLICANT_UNREGISTERED)" })
export class QualityApplicantCheck {
  @Field(() => Int, { description: "Cases of this person as applicant (kind 1): X_APPLICANT_UNREGISTERED's records" })
  cases!: number;

  @Field(() => [ID], { description: "办件编号 of the cases failing X_APPLICANT_UNREGISTERED (all of them when the ID number is not registered)" })
  unregistered!: string[];
}

@Directive('@key(fields: "holderCode typeCode day", resolvable: false)')
@ObjectType("LicenseHolding")
export class CasesLicenseHolding {
  @Directive("@inaccessible")
  @Field(() => ID)
  holderCode!: string;

  @Directive("@inaccessible")
  @Field(() => ID)
  typeCode!: string;

  @Directive("@inaccessible")
  @Field(() => LocalDate)
  day!: string;
}

@ObjectType("QualityHandedOverMaterial", {
  description: "数据质量: a case material handed over on paper or by upload whose catalogue entry names a licence type (X_ELICENSE_NOT_USED)",
})
export class QualityHandedOverMaterial {
  @Field(() => ID, { description: "办件编号/材料编码" })
  key!: string;

  @Field(() => SubmissionMethod.enum, { description: "PAPER or UPLOAD" })
  method!: SubmissionMethodValue;

  @Field(() => ID, { description: "The licence type the matter's catalogue names for the material (sp_sxcl.zzlxdm)" })
  licenseTypeCode!: string;

  @Field(() => LocalDate, { nullable: true, description: "受理日期: the acceptance time's day in China; null when the case has none" })
  acceptedOn!: string | null;

  @Field(() => CasesLicenseHolding, {
    nullable: true,
    description: "Whether the applicant (by code) held a valid licence of that type on the acceptance day; null without an applicant code or an acceptance time",
  })
  holding!: CasesLicenseHolding | null;
}

@ObjectType("QualityHandedOverMaterialPage", { description: "数据质量: materials handed over on paper or by upload that a licence type could have replaced, in (case, material) order" })
export class QualityHandedOverMaterialPage {
  @Field(() => [QualityHandedOverMaterial])
  nodes!: QualityHandedOverMaterial[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null when the page holds nothing" })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Int, { description: "Such materials in the silo: what the whole list will read" })
  totalCount!: number;
}
