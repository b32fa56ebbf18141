// A matter (事项) of the government service catalogue and the materials it requires.
import { MatterKind } from "@onceonly/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import type { RegistryFieldValue } from "../source/registry-fields.js";
import type { MatterKindValue } from "../source/records.js";
import { RegistryField } from "./registry-field.enum.js";
import { CasesLicenseType } from "./stubs.type.js";

@Directive(`@key(fields: "code")`)
@ObjectType("Matter", { description: "事项: a service matter of the catalogue (sp_sxml)" })
export class Matter {
  @Field(() => ID, { description: "事项编码" })
  code!: string;

  @Field(() => String, { description: "事项名称" })
  name!: string;

  @Field(() => String, { nullable: true, description: "实施部门 (implementing department)" })
  department!: string | null;

  @Field(() => MatterKind.enum, { nullable: true, description: "办件类型: 即办件 or 承诺件" })
  kind!: MatterKindValue | null;

  @Field(() => Int, { nullable: true, description: "法定时限, in working days" })
  statutoryDays!: number | null;

  @Field(() => Int, { nullable: true, description: "承诺时限, in working days" })
  promisedDays!: number | null;
}

@ObjectType("Material", { description: "事项材料: a material the matter requires, and the shared data that can satisfy it" })
export class Material {
  @Field(() => ID, { description: "材料编码" })
  code!: string;

  @Field(() => String, { description: "材料名称" })
  name!: string;

  @Field(() => CasesLicenseType, { nullable: true, description: "An electronic licence of this type satisfies the material" })
  licenseType!: CasesLicenseType | null;

  @Field(() => [RegistryField], { description: "Registry fields that satisfy the material (e.g. a household booklet)" })
  registryFields!: RegistryFieldValue[];

  @Field(() => Boolean, { description: "是否必须" })
  required!: boolean;

  @Field(() => Boolean, { description: "告知承诺: a signed commitment may replace it" })
  commitmentAllowed!: boolean;

  @Field(() => Boolean, { description: "容缺受理: it may be handed in after acceptance" })
  deferralAllowed!: boolean;
}
