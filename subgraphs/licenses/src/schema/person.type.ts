// A stub of the registry's Person: this subgraph knows only the key and adds the
// person's licences (see person.resolver.ts). The class name differs from the registry's
// because type-graphql metadata is global when several subgraphs load in one process.
// The registry's facts below are @external: the gateway fetches them from the registry
// for the fields that @require them (the data quality check of a holder's licences,
// quality/federated/) and hands them over in the representation.
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "idNumber")')
@ObjectType("Person", { description: "自然人 (owned by the registry subgraph; licences added here)" })
export class LicensePerson {
  @Field(() => ID, { description: "公民身份号码 (GB 11643)" })
  idNumber!: string;

  @Directive("@external") @Field(() => Boolean)
  registered!: boolean;

  @Directive("@external") @Field(() => String, { nullable: true })
  name!: string | null;

  @Directive("@external") @Field(() => Boolean)
  deceased!: boolean;
}
