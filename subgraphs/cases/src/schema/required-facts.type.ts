// Types other subgraphs own, declared here only so that readiness's @requires selection
// can name their fields: the registry's Household and the licence library's
// LicenseEvidence. Federation 2 wants the nested types of a @requires selection defined
// in the requiring subgraph with the selected fields; marking the whole type @external
// says this subgraph never resolves them (without it composition fails with
// INVALID_FIELD_SHARING: the owner does not mark its fields @shareable). Cases never
// returns these types: it reads them from the representation. No descriptions here:
// the owners describe them.
import { LicenseStatus, LocalDate, VerificationOutcome } from "@onceonly/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CasesPerson } from "./applicant.type.js";

@Directive("@external")
@ObjectType("Household")
export class RequiredHousehold {
  @Field(() => ID)
  number!: string;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => [CasesPerson])
  members!: CasesPerson[];
}

@Directive("@external")
@ObjectType("LicenseEvidence")
export class RequiredLicenseEvidence {
  @Field(() => ID)
  licenseId!: string;

  @Field(() => ID)
  typeCode!: string;

  @Field(() => String, { nullable: true })
  typeName!: string | null;

  @Field(() => String, { nullable: true })
  number!: string | null;

  @Field(() => String, { nullable: true })
  holderName!: string | null;

  @Field(() => String, { nullable: true })
  issuer!: string | null;

  @Field(() => LocalDate, { nullable: true })
  issuedOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  validUntil!: string | null;

  @Field(() => LicenseStatus.enum, { nullable: true })
  status!: string | null;

  @Field(() => VerificationOutcome)
  outcome!: string;

  @Field(() => String, { nullable: true })
  receipt!: string | null;

  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}
