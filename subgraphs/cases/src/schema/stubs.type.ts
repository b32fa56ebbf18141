// Entities owned by the licenses subgraph, referenced here by key only
// (resolvable: false — this subgraph cannot resolve them, the gateway asks licenses).
// Key fields carry no description here: the owning subgraph describes them.
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive(`@key(fields: "code", resolvable: false)`)
@ObjectType("LicenseType")
export class CasesLicenseType {
  @Field(() => ID)
  code!: string;
}

@Directive(`@key(fields: "id", resolvable: false)`)
@ObjectType("License")
export class CasesLicense {
  @Field(() => ID)
  id!: string;
}
