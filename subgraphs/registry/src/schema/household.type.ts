// Household (户), owned by the registry; head and members are resolved by HouseholdResolver.
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { HouseholdType, Region } from "@onceonly/shared";
import type { HouseholdRecord, HouseholdTypeValue } from "../source/records.js";

@Directive('@key(fields: "number")')
@ObjectType("Household", { description: "A registered household (户信息)" })
export class Household implements HouseholdRecord {
  @Field(() => ID, { description: "户号" })
  number!: string;

  @Field(() => HouseholdType.enum, { nullable: true, description: "户类型" })
  type!: HouseholdTypeValue | null;

  @Field(() => String, { nullable: true, description: "住址" })
  address!: string | null;

  @Field(() => Region, { nullable: true, description: "所属区划" })
  region!: Region | null;

  @Field(() => Date, { nullable: true, description: "When the registry last changed this household (gxsj)" })
  updatedAt!: Date | null;
}
