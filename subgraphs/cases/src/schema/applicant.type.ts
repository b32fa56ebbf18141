// Applicants as this subgraph knows them: by key only. The registry owns Person and the
// licenses subgraph owns Organization; this subgraph adds their `cases`.
// Key fields carry no description here: the owning subgraphs describe them.
import { createUnionType, Directive, Field, ID, ObjectType } from "type-graphql";
import type { ApplicantRef } from "../source/records.js";

@Directive(`@key(fields: "idNumber")`)
@ObjectType("Person")
export class CasesPerson {
  @Field(() => ID)
  idNumber!: string;
}

@Directive(`@key(fields: "creditCode")`)
@ObjectType("Organization")
export class CasesOrganization {
  @Field(() => ID)
  creditCode!: string;
}

export const Applicant = createUnionType({
  name: "Applicant",
  description: "申请人: a natural person (自然人) or a legal person (法人)",
  types: () => [CasesPerson, CasesOrganization] as const,
  // Stubs are plain objects: the key they carry says which entity they are.
  resolveType: (value: ApplicantRef) => ("idNumber" in value ? CasesPerson : CasesOrganization),
});
