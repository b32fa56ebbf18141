// Queries on the matter catalogue, and a matter's materials.
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Directive } from "type-graphql";
import { AUTHENTICATED } from "@onceonly/shared";
import type { CasesContext } from "../context.js";
import { Material, Matter } from "../schema/matter.type.js";
import type { MaterialRecord, MatterRecord } from "../source/index.js";
import { checkCode } from "./arguments.js";

@Resolver(() => Matter)
export class MatterResolver {
  @Directive(AUTHENTICATED)
  @Query(() => Matter, { nullable: true, description: "A matter of the catalogue by its code; null when unknown" })
  matter(@Arg("code", () => ID) code: string, @Ctx() ctx: CasesContext): Promise<MatterRecord | null> {
    return ctx.loaders.matterByCode.load(checkCode("code", code));
  }

  @Directive(AUTHENTICATED)
  @Query(() => [Matter], { description: "The whole matter catalogue, by code" })
  matters(@Ctx() ctx: CasesContext): Promise<MatterRecord[]> {
    return ctx.loaders.allMatters();
  }

  @FieldResolver(() => [Material], { description: "Materials in display order (序号)" })
  materials(@Root() matter: MatterRecord, @Ctx() ctx: CasesContext): Promise<MaterialRecord[]> {
    return ctx.loaders.materialsByMatter.load(matter.code);
  }
}
