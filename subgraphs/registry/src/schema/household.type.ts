// Household (户), owned by the registry; head and members are resolved by HouseholdResolver.
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { HouseholdType, Region, PERSONAL, requiresScopes } from "@onceonly/shared";
import type { HouseholdRecord, HouseholdTypeValue } from "../source/records.js";

@Directive('@key(fields: "number")')
@ObjectType("Household", { description: "A registered household (户信息)" })
export class Household implements HouseholdRecord {
  @Directive(PERSONAL)
  @Field(() => ID, { description: "户号" })
  number!: string;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => HouseholdType.enum, { nullable: true, description: "户类型" })
  type!: HouseholdTypeValue | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => String, { nullable: true, description: "住址" })
  address!: string | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Region, { nullable: true, description: "所属区划" })
  region!: Region | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Date, { nullable: true, description: "When the registry last changed this household (gxsj)" })
  updatedAt!: Date | null;
}
