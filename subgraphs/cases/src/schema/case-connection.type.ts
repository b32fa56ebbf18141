// A page of an applicant's cases, and the arguments that select it.
import { CaseStatus, PageInfo } from "@onceonly/shared";
import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { CaseStatusValue } from "../source/records.js";
import { Case } from "./case.type.js";

export const MAX_PAGE = 100;

@ObjectType("CaseConnection")
export class CaseConnection {
  @Field(() => [Case], { description: "Newest first (by acceptance time, then case number)" })
  nodes!: Case[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "All the applicant's cases matching the status filter, on every page" })
  totalCount!: number;
}

@ArgsType()
export class CaseConnectionArgs {
  @Field(() => [CaseStatus.enum], { nullable: true, description: "Only cases in these statuses; null or empty = all" })
  status?: CaseStatusValue[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE}` })
  first!: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string | null;
}
