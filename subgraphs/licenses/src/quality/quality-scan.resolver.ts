// licensesQualityScan: the licence library's own data quality checks (the LIC_* rules),
// one page per call, for the steward's report engine. Keys only (证照标识), never content.
import { Args, Ctx, Directive, Query, Resolver } from "type-graphql";
import { QualityScanArgs, QualityScanPageType, requiresScopes } from "@onceonly/shared";
import type { LicensesContext } from "../context.js";

@Resolver()
export class LicensesQualityScanResolver {
  @Directive(requiresScopes(["quality:read"]))
  @Query(() => QualityScanPageType, {
    description: "数据质量: one page of the licence library's scan of its own silo (LIC_* rules). Page until hasNextPage is false and sum the counts.",
  })
  licensesQualityScan(
    @Args(() => QualityScanArgs) args: QualityScanArgs,
    @Ctx() ctx: LicensesContext,
  ): Promise<QualityScanPageType> {
    return ctx.sources.quality.page(args);
  }
}
