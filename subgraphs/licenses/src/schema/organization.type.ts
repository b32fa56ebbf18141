// 法人和其他组织, owned here: the licence library is where organisations are known, as
// holders of licences under a unified social credit code (see organizations.source.ts).
// A well-formed code holding no licence here still resolves (fields null, lists empty).
import { Region, requiresScopes } from "@onceonly/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "creditCode")')
@ObjectType("Organization", { description: "法人和其他组织, as known from the licences it holds" })
export class Organization {
  @Field(() => ID, { description: "统一社会信用代码 (GB 32100)" })
  creditCode!: string;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => String, { nullable: true, description: "持证主体 as written on the source licence (recordKey)" })
  name!: string | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => String, { nullable: true, description: "法定代表人 (licence surface item fddbr)" })
  legalRepresentative!: string | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => String, { nullable: true, description: "住所 (licence surface item zs)" })
  address!: string | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => ID, {
    nullable: true,
    description: "证照标识 of the licence name, legal representative and address were read from (the one carrying the surface items); null when none is held",
  })
  recordKey!: string | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => Date, { nullable: true, description: "That licence's 更新时间 (gxsj): provenance of name, legal representative and address" })
  updatedAt!: Date | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => Region, { nullable: true, description: "Registration region, credit code positions 3-8" })
  region!: Region | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Field(() => Boolean, {
    description: "False for a well-formed code failing the GB 32100 check (legal pilot-era codes): a quality finding, not an error",
  })
  creditCodeCheckDigitValid!: boolean;
}
