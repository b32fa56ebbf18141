// A stub of the registry's Person: this subgraph knows only the key and adds the
// person's licences (see person.resolver.ts). The class name differs from the registry's
// because type-graphql metadata is global when several subgraphs load in one process.
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "idNumber")')
@ObjectType("Person", { description: "自然人 (owned by the registry subgraph; licences added here)" })
export class LicensePerson {
  @Field(() => ID, { description: "公民身份号码 (GB 11643)" })
  idNumber!: string;
}
