// The licence holders the cross-silo checks walk (see quality-holders.source.ts) and what
// a holder's check answers. Nodes are the ordinary Person: the gateway binds the check
// (personal data) to the steward's purpose through the person's ID number and audits it.
import { DEFAULT_FEDERATED_PAGE, LocalDate, MAX_FEDERATED_PAGE } from "@onceonly/shared";
import { ArgsType, Field, ID, Int, ObjectType } from "type-graphql";
import { LicensePerson } from "../../schema/person.type.js";

@ArgsType()
export class QualityHoldersArgs {
  @Field(() => LocalDate, { description: "The report day (China): an ID number encoding a later birth date is not well-formed" })
  asOf!: string;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page (of the same partition)" })
  after?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_FEDERATED_PAGE, description: `Holder codes the page reads, 1 to ${MAX_FEDERATED_PAGE} (it returns the well-formed ones)` })
  first!: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: "Which partition of the holders to walk, 0 to parts − 1 (pages of different partitions may be read side by side)" })
  part!: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: "Into how many disjoint partitions the holders are split, 1 to 16" })
  parts!: number | null;
}

@ObjectType("QualityLicenseHolderPage", { description: "数据质量: holders of licences held under a well-formed ID number (code type 111), in code order" })
export class QualityLicenseHolderPage {
  @Field(() => [LicensePerson])
  nodes!: { idNumber: string }[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null when the page read nothing" })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;

  // Resolved by the resolver, only when asked (it counts the table).
  @Field(() => Int, { description: "Licences held under an ID number, well-formed or not (all partitions): what the whole walk will check at most" })
  totalLicences!: number;
}

@ObjectType("QualityHolderCheck", {
  description: "数据质量: one holder's licences (code type 111) judged against the registry's facts about the ID number (X_HOLDER_UNREGISTERED, X_HOLDER_NAME, X_DECEASED_VALID)",
})
export class QualityHolderCheck {
  @Field(() => Int, { description: "Licences held under the ID number: checked by X_HOLDER_UNREGISTERED, and by X_HOLDER_NAME when registered" })
  licences!: number;

  @Field(() => Int, { description: "Of those, with status 有效: checked by X_DECEASED_VALID when registered" })
  validLicences!: number;

  @Field(() => Boolean, { description: "Whether the registry holds the ID number" })
  registered!: boolean;

  @Field(() => [ID], { description: "证照标识 of the licences failing X_HOLDER_UNREGISTERED (all of them when the ID number is not registered)" })
  unregistered!: string[];

  @Field(() => [ID], { description: "证照标识 of the licences failing X_HOLDER_NAME" })
  nameMismatches!: string[];

  @Field(() => [ID], { description: "证照标识 of the licences failing X_DECEASED_VALID" })
  deceasedValid!: string[];
}
