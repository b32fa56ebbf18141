// The case query and a case's matter, materials and timeline.
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Directive } from "type-graphql";
import { requiresScopes } from "@onceonly/shared";
import type { CasesContext } from "../context.js";
import { Case, CaseEvent, CaseMaterial } from "../schema/case.type.js";
import { Matter } from "../schema/matter.type.js";
import type { CaseEventRecord, CaseMaterialRecord, CaseRecord, MatterRecord } from "../source/index.js";
import { checkCode } from "./arguments.js";

@Resolver(() => Case)
export class CaseResolver {
  @Directive(requiresScopes(["cases:read"]))
  @Query(() => Case, { name: "case", nullable: true, description: "A case by its number; null when unknown" })
  caseByNumber(@Arg("number", () => ID) number: string, @Ctx() ctx: CasesContext): Promise<CaseRecord | null> {
    return ctx.loaders.caseByNumber.load(checkCode("number", number));
  }

  @FieldResolver(() => Matter, { nullable: true })
  matter(@Root() c: CaseRecord, @Ctx() ctx: CasesContext): Promise<MatterRecord | null> {
    return ctx.loaders.matterByCode.load(c.matterCode);
  }

  @FieldResolver(() => [CaseMaterial])
  materials(@Root() c: CaseRecord, @Ctx() ctx: CasesContext): Promise<CaseMaterialRecord[]> {
    return ctx.loaders.caseMaterialsByCase.load(c.number);
  }

  @FieldResolver(() => [CaseEvent])
  timeline(@Root() c: CaseRecord, @Ctx() ctx: CasesContext): Promise<CaseEventRecord[]> {
    return ctx.loaders.timelineByCase.load(c.number);
  }
}
