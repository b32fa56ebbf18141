// registryQualityScan: the registry's own data quality checks (the REG_* rules), one page
// per call, for the steward's report engine. Keys only (人口编号, 户号), never content.
import { Args, Ctx, Directive, Query, Resolver } from "type-graphql";
import { QualityScanArgs, QualityScanPageType, requiresScopes } from "@onceonly/shared";
import type { RegistryContext } from "../context.js";

@Resolver()
export class RegistryQualityScanResolver {
  @Directive(requiresScopes(["quality:read"]))
  @Query(() => QualityScanPageType, {
    description: "数据质量: one page of the registry's scan of its own silo (REG_* rules). Page until hasNextPage is false and sum the counts.",
  })
  registryQualityScan(
    @Args(() => QualityScanArgs) args: QualityScanArgs,
    @Ctx() ctx: RegistryContext,
  ): Promise<QualityScanPageType> {
    return ctx.sources.quality.page(args);
  }
}
