// 用证记录 as the API shows them: who used a licence, when, for what, and how; paged.
import { UsageMethod, PageInfo } from "@onceonly/shared";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { LicenseRecord, UsageMethodValue, UsageRecord } from "../source/index.js";
import { License } from "./license.type.js";

export const MAX_USAGE_PAGE = 100;

@ObjectType("LicenseUsage", { description: "用证记录 (dzzz_yzjl): one use of a licence by a department's window" })
export class LicenseUsage {
  @Field(() => License)
  license!: LicenseRecord;

  @Field(() => String, { nullable: true, description: "用证部门" })
  department!: string | null;

  @Field(() => String, { nullable: true, description: "用证窗口" })
  window!: string | null;

  @Field(() => String, { nullable: true, description: "事项编码" })
  matterCode!: string | null;

  @Field(() => String, { nullable: true, description: "办件编号" })
  caseNumber!: string | null;

  @Field(() => String, { nullable: true, description: "用证目的, as the caller gave it" })
  purpose!: string | null;

  @Field(() => UsageMethod.enum, { nullable: true })
  method!: UsageMethodValue | null;

  @Field(() => Date)
  usedAt!: Date;
}

@ObjectType("LicenseUsageConnection")
export class LicenseUsageConnection {
  @Field(() => [LicenseUsage], { description: "Newest first" })
  nodes!: UsageRecord[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "All records, on every page" })
  totalCount!: number;
}

@ArgsType()
export class LicenseUsageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 1 to ${MAX_USAGE_PAGE}` })
  first!: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string | null;
}
