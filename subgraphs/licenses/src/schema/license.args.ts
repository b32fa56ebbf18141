// Arguments of the licence fields: the holder filter (Person.licenses and
// Organization.licenses) and licenseByNumber.
import { LicenseStatus } from "@onceonly/shared";
import { ArgsType, Field, ID } from "type-graphql";
import type { LicenseStatusValue } from "../source/index.js";

@ArgsType()
export class LicenseFilterArgs {
  @Field(() => [LicenseStatus.enum], { nullable: true, description: "Only these stored statuses; omitted = all" })
  status?: LicenseStatusValue[] | null;

  @Field(() => [ID], { nullable: true, description: "Only these licence type codes; omitted = all" })
  types?: string[] | null;
}

// An args class rather than two @Arg parameters: parameter decorators run last to first,
// and the SDL must read licenseByNumber(typeCode, number) as agreed with the gateway.
@ArgsType()
export class LicenseByNumberArgs {
  @Field(() => ID, { description: "证照类型代码" })
  typeCode!: string;

  @Field(() => String, { description: "证照编号" })
  number!: string;
}
