// 证照类型: owned here; the case subgraph refers to it from a matter's materials.
import { HolderKind } from "@onceonly/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { HolderKindValue } from "../source/index.js";

@Directive('@key(fields: "code")')
@ObjectType("LicenseType", { description: "证照类型 (licence type, dzzz_zzlx)" })
export class LicenseType {
  @Field(() => ID, { description: "证照类型代码: the defining agency's credit code + 3 digits" })
  code!: string;

  @Field(() => String, { description: "证照类型名称, e.g. 营业执照" })
  name!: string;

  @Field(() => String, { nullable: true, description: "定义部门 (defining / issuing department)" })
  department!: string | null;

  @Field(() => HolderKind.enum, { nullable: true, description: "持证主体类别: who holds licences of this type" })
  holderKind!: HolderKindValue | null;
}
