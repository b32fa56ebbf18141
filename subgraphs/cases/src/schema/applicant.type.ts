// Applicants as this subgraph knows them: by key, plus — for readiness only — the facts
// the registry and the licence library own, declared @external and required by
// `readiness`. The gateway fetches them first (registry → licences → cases) and sends
// them in the representation; this subgraph never resolves them.
// Key and external fields carry no description here: the owning subgraphs describe them.
import { Ethnicity, LocalDate, MaritalStatus, Region, Relationship, Sex, PERSONAL, requiresScopes } from "@onceonly/shared";
import { createUnionType, Directive, Field, ID, ObjectType } from "type-graphql";
import type { ApplicantRef } from "../source/records.js";
import { Readiness } from "./readiness.type.js";
import { RequiredHousehold, RequiredLicenseEvidence } from "./required-facts.type.js";

// The licence library's judgement of every licence the applicant holds: VALID ones
// satisfy materials (with their receipt), the others explain why not.
const LICENSE_EVIDENCE = "licenseEvidence { licenseId typeCode typeName number holderName issuer issuedOn validUntil status outcome receipt checkedAt updatedAt }";

/** The @requires selection of Person.readiness: every registry field a material or the form can use. */
export const PERSON_READINESS_REQUIRES =
  "registered deceased name sex birthDate ethnicity address region { code } maritalStatus relationshipToHead recordKey updatedAt " +
  "household { number address updatedAt members { idNumber name sex birthDate relationshipToHead } } " +
  LICENSE_EVIDENCE;

/** The @requires selection of Organization.readiness: the business licence's surface data and its licences. */
export const ORGANIZATION_READINESS_REQUIRES = `name legalRepresentative address recordKey updatedAt ${LICENSE_EVIDENCE}`;

const READINESS_DESCRIPTION =
  "办事准备度 for a matter: which required materials shared data satisfies, and the form prefilled with provenance. Each answer is kept (its id is what acceptCase cites).";

@Directive(`@key(fields: "idNumber")`)
@ObjectType("Person")
export class CasesPerson {
  @Field(() => ID)
  idNumber!: string;

  @Directive("@external") @Field(() => Boolean)
  registered!: boolean;

  @Directive("@external") @Field(() => Boolean)
  deceased!: boolean;

  @Directive("@external") @Field(() => String, { nullable: true })
  name!: string | null;

  @Directive("@external") @Field(() => Sex.enum, { nullable: true })
  sex!: string | null;

  @Directive("@external") @Field(() => LocalDate, { nullable: true })
  birthDate!: string | null;

  @Directive("@external") @Field(() => Ethnicity.enum, { nullable: true })
  ethnicity!: string | null;

  @Directive("@external") @Field(() => String, { nullable: true })
  address!: string | null;

  @Directive("@external") @Field(() => Region, { nullable: true })
  region!: Region | null;

  @Directive("@external") @Field(() => MaritalStatus.enum, { nullable: true })
  maritalStatus!: string | null;

  @Directive("@external") @Field(() => Relationship.enum, { nullable: true })
  relationshipToHead!: string | null;

  @Directive("@external") @Field(() => ID, { nullable: true })
  recordKey!: string | null;

  @Directive("@external") @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Directive("@external") @Field(() => RequiredHousehold, { nullable: true })
  household!: RequiredHousehold | null;

  @Directive("@external") @Field(() => [RequiredLicenseEvidence])
  licenseEvidence!: RequiredLicenseEvidence[];

  // Resolved (with its matterCode argument) by PersonReadinessResolver.
  @Directive(`@requires(fields: "${PERSON_READINESS_REQUIRES}")`)
  // Nullable so that a refused matter code nulls only this field: the rest of the
  // applicant (name, licences, cases) still reaches the window beside the error.
  @Directive(requiresScopes(["cases:read", "registry:read", "licenses:read"]))
  @Directive(PERSONAL)
  @Field(() => Readiness, { nullable: true, description: READINESS_DESCRIPTION })
  readiness!: Readiness | null;

  /** Not a field: the representation as the gateway sent it, parsed only when readiness is asked. */
  representation?: Record<string, unknown>;
}

@Directive(`@key(fields: "creditCode")`)
@ObjectType("Organization")
export class CasesOrganization {
  @Field(() => ID)
  creditCode!: string;

  @Directive("@external") @Field(() => String, { nullable: true })
  name!: string | null;

  @Directive("@external") @Field(() => String, { nullable: true })
  legalRepresentative!: string | null;

  @Directive("@external") @Field(() => String, { nullable: true })
  address!: string | null;

  @Directive("@external") @Field(() => ID, { nullable: true })
  recordKey!: string | null;

  @Directive("@external") @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Directive("@external") @Field(() => [RequiredLicenseEvidence])
  licenseEvidence!: RequiredLicenseEvidence[];

  // Resolved (with its matterCode argument) by OrganizationReadinessResolver.
  @Directive(`@requires(fields: "${ORGANIZATION_READINESS_REQUIRES}")`)
  // Nullable so that a refused matter code nulls only this field: the rest of the
  // applicant (name, licences, cases) still reaches the window beside the error.
  @Directive(requiresScopes(["cases:read", "licenses:read"]))
  @Field(() => Readiness, { nullable: true, description: READINESS_DESCRIPTION })
  readiness!: Readiness | null;

  /** Not a field: see CasesPerson.representation. */
  representation?: Record<string, unknown>;
}

export const Applicant = createUnionType({
  name: "Applicant",
  description: "申请人: a natural person (自然人) or a legal person (法人)",
  types: () => [CasesPerson, CasesOrganization] as const,
  // Stubs are plain objects: the key they carry says which entity they are.
  resolveType: (value: ApplicantRef) => ("idNumber" in value ? CasesPerson : CasesOrganization),
});
