// The licence type catalogue.
import { Ctx, Query, Resolver, Directive } from "type-graphql";
import { AUTHENTICATED } from "@onceonly/shared";
import type { LicensesContext } from "../context.js";
import { LicenseType } from "../schema/license-type.type.js";
import type { LicenseTypeRecord } from "../source/index.js";

@Resolver(() => LicenseType)
export class LicenseTypeResolver {
  @Directive(AUTHENTICATED)
  @Query(() => [LicenseType], { description: "Every licence type in the catalogue, by code" })
  licenseTypes(@Ctx() ctx: LicensesContext): Promise<LicenseTypeRecord[]> {
    return ctx.loaders.allLicenseTypes();
  }
}
