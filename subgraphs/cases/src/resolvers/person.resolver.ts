// Adds `cases` to the registry's Person.
import { Args, Ctx, FieldResolver, Resolver, Root, Directive } from "type-graphql";
import { PERSONAL, requiresScopes } from "@onceonly/shared";
import type { CasesContext } from "../context.js";
import { CasesPerson } from "../schema/applicant.type.js";
import { CaseConnection, CaseConnectionArgs } from "../schema/case-connection.type.js";
import { applicantCases, type CaseConnectionResult } from "./applicant-cases.js";

@Resolver(() => CasesPerson)
export class PersonCasesResolver {
  @Directive(requiresScopes(["cases:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => CaseConnection, { description: "Cases this person applied for, newest first" })
  cases(@Root() person: CasesPerson, @Args(() => CaseConnectionArgs) args: CaseConnectionArgs, @Ctx() ctx: CasesContext): Promise<CaseConnectionResult> {
    return applicantCases(person.idNumber, args, ctx);
  }
}
