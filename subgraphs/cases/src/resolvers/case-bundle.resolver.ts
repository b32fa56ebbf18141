// 一件事一次办: a bundle case and its member cases, and the member matters of a bundle matter.
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CasesContext } from "../context.js";
import { Case } from "../schema/case.type.js";
import { Matter } from "../schema/matter.type.js";
import type { CaseRecord, MatterRecord } from "../source/records.js";

@Resolver(() => Case)
export class CaseBundleResolver {
  @FieldResolver(() => Case, { nullable: true, description: "一件事: the bundle case this member case was accepted with; null for any other case" })
  bundle(@Root() c: CaseRecord, @Ctx() ctx: CasesContext): Promise<CaseRecord | null> {
    return ctx.loaders.bundles.bundleOfCase.load(c.number);
  }

  @FieldResolver(() => [Case], { description: "一件事: the member cases of a bundle case, in the bundle's order; empty for any other case" })
  members(@Root() c: CaseRecord, @Ctx() ctx: CasesContext): Promise<CaseRecord[]> {
    return ctx.loaders.bundles.membersOfCase.load(c.number);
  }
}

@Resolver(() => Matter)
export class MatterBundleResolver {
  @FieldResolver(() => [Matter], { description: "一件事: the member matters a bundle matter opens a case for, in order; empty for an ordinary matter" })
  members(@Root() m: MatterRecord, @Ctx() ctx: CasesContext): Promise<MatterRecord[]> {
    return ctx.loaders.bundles.membersOfMatter.load(m.code);
  }
}
