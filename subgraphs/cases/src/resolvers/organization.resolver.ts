// Adds `cases` to the licenses subgraph's Organization.
import { Args, Ctx, FieldResolver, Resolver, Root, Directive } from "type-graphql";
import { requiresScopes } from "@onceonly/shared";
import type { CasesContext } from "../context.js";
import { CasesOrganization } from "../schema/applicant.type.js";
import { CaseConnection, CaseConnectionArgs } from "../schema/case-connection.type.js";
import { applicantCases, type CaseConnectionResult } from "./applicant-cases.js";

@Resolver(() => CasesOrganization)
export class OrganizationCasesResolver {
  @Directive(requiresScopes(["cases:read"]))
  @FieldResolver(() => CaseConnection, { description: "Cases this organisation applied for, newest first" })
  cases(@Root() org: CasesOrganization, @Args(() => CaseConnectionArgs) args: CaseConnectionArgs, @Ctx() ctx: CasesContext): Promise<CaseConnectionResult> {
    return applicantCases(org.creditCode, args, ctx);
  }
}
