// Person (人口), owned by the registry: the entity other subgraphs extend by idNumber.
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Ethnicity, LocalDate, MaritalStatus, Region, Relationship, Sex, PERSONAL, requiresScopes } from "@onceonly/shared";
import type {
  EthnicityValue,
  MaritalStatusValue,
  PersonRecord,
  RelationshipValue,
  SexValue,
} from "../source/records.js";

@Directive('@key(fields: "idNumber")')
@ObjectType("Person", { description: "A person in the household registry (户籍 人口基本信息)" })
export class Person implements PersonRecord {
  @Directive(PERSONAL)
  @Field(() => ID, { description: "公民身份号码 (GB 11643, 18 characters, upper-case X)" })
  idNumber!: string;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Boolean, {
    description: "Whether the registry holds a record for this ID number; false only on a reference to an unknown person, whose other fields are then null",
  })
  registered!: boolean;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => ID, { nullable: true, description: "人口编号 (rk_jbxx.rkbh) of the current record: the provenance of the fields here; null when not registered" })
  recordKey!: string | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => String, { nullable: true, description: "姓名" })
  name!: string | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Sex.enum, { nullable: true, description: "性别 (GB/T 2261.1)" })
  sex!: SexValue | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Ethnicity.enum, { nullable: true, description: "民族 (GB/T 3304)" })
  ethnicity!: EthnicityValue | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => LocalDate, { nullable: true, description: "出生日期; null when the registry's record is not a calendar date" })
  birthDate!: string | null;

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
  @Field(() => MaritalStatus.enum, { nullable: true, description: "婚姻状况 (GB/T 2261.2)" })
  maritalStatus!: MaritalStatusValue | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Boolean, { description: "死亡标识" })
  deceased!: boolean;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Relationship.enum, { nullable: true, description: "与户主关系 (GB/T 4761, detailed codes folded into their group)" })
  relationshipToHead!: RelationshipValue | null;

  @Directive(requiresScopes(["registry:read"]))
  @Directive(PERSONAL)
  @Field(() => Date, { nullable: true, description: "When the registry last changed this record (gxsj)" })
  updatedAt!: Date | null;

  // Not a field: the household field resolves through it.
  householdNumber!: string | null;
}
