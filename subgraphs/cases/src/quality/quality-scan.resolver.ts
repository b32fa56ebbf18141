// casesQualityScan: the case silo's own data quality checks (the CASE_* rules), one page
// per call, for the steward's report engine. Keys only (办件编号), never content.
import { Args, Ctx, Directive, Query, Resolver } from "type-graphql";
import { QualityScanArgs, QualityScanPageType, requiresScopes } from "@onceonly/shared";
import type { CasesContext } from "../context.js";

@Resolver()
export class CasesQualityScanResolver {
  @Directive(requiresScopes(["quality:read"]))
  @Query(() => QualityScanPageType, {
    description: "数据质量: one page of the case silo's scan of its own silo (CASE_* rules). Page until hasNextPage is false and sum the counts.",
  })
  casesQualityScan(
    @Args(() => QualityScanArgs) args: QualityScanArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<QualityScanPageType> {
    return ctx.sources.quality.page(args);
  }
}
