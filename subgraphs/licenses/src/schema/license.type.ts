// 电子证照: metadata after GB/T 36903. Fields that need a lookup or a clock (type,
// holder, expired) are declared here for the schema and resolved in license.resolver.ts.
import { LicenseStatus, LocalDate, PERSONAL, requiresScopes } from "@onceonly/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { HolderRef, LicenseStatusValue } from "../source/index.js";
import { Holder } from "./holder.type.js";
import { LicenseType } from "./license-type.type.js";

@ObjectType("Issuer", { description: "证照颁发机构 (issuing agency)" })
export class Issuer {
  @Field(() => String, { nullable: true, description: "颁发机构名称" })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "颁发机构代码 (its credit code)" })
  code!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType("License", { description: "电子证照 (electronic licence, dzzz_zzxx)" })
export class License {
  @Field(() => ID, { description: "证照标识 (GB/T 36904 identifier 1.2.156.3005.2.…)" })
  id!: string;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => LicenseType, { nullable: true })
  type!: LicenseType | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => String, { nullable: true, description: "证照编号" })
  number!: string | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => String, { nullable: true, description: "证照名称" })
  name!: string | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Directive(PERSONAL)
  @Field(() => Holder, { nullable: true, description: "Null when the holder code type is unknown to the code table" })
  holder!: HolderRef | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Directive(PERSONAL)
  @Field(() => String, { nullable: true, description: "持证主体 as recorded on the licence" })
  holderName!: string | null;

  @Directive(requiresScopes(["licenses:read"]))
  @Directive(PERSONAL)
  @Field(() => String, { nullable: true, description: "持证主体代码 (ID number or credit code)" })
  holderCode!: string | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => Issuer, { nullable: true })
  issuer!: Issuer | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => LocalDate, { nullable: true, description: "颁发日期" })
  issuedOn!: string | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => LocalDate, { nullable: true, description: "有效期起始日期" })
  validFrom!: string | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => LocalDate, { nullable: true, description: "有效期截止日期; null = long-term (长期)" })
  validUntil!: string | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => LicenseStatus.enum, { nullable: true, description: "Stored status; expiry is the separate `expired`" })
  status!: LicenseStatusValue | null;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => Boolean, { description: "validUntil is before today's date in China (Asia/Shanghai); derived, never stored" })
  expired!: boolean;

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Field(() => Date, { nullable: true, description: "更新时间" })
  updatedAt!: Date | null;
}
