// Licence queries and the License fields that need a lookup or a clock.
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, Directive } from "type-graphql";
import { requiresScopes } from "@onceonly/shared";
import type { LicensesContext } from "../context.js";
import { Holder } from "../schema/holder.type.js";
import { LicenseByNumberArgs } from "../schema/license.args.js";
import { LicenseType } from "../schema/license-type.type.js";
import { License } from "../schema/license.type.js";
import type { HolderRef, LicenseRecord, LicenseTypeRecord } from "../source/index.js";
import { checkLicenseId, checkLicenseNumber, checkTypeCode } from "./arguments.js";
import { isExpired } from "./expiry.js";

@Resolver(() => License)
export class LicenseResolver {
  @Directive(requiresScopes(["licenses:read"]))
  @Query(() => License, { nullable: true, description: "A licence by its identifier (证照标识); null when the silo has none" })
  license(@Arg("id", () => ID) id: string, @Ctx() ctx: LicensesContext): Promise<LicenseRecord | null> {
    return ctx.loaders.licenseById.load(checkLicenseId("id", id));
  }

  @Directive(requiresScopes(["licenses:read"]))
  @Query(() => License, {
    nullable: true,
    description: "A licence by type and number (证照编号); of several versions, the valid one, then the most recently issued",
  })
  licenseByNumber(@Args(() => LicenseByNumberArgs) { typeCode, number }: LicenseByNumberArgs, @Ctx() ctx: LicensesContext): Promise<LicenseRecord | null> {
    const key = { typeCode: checkTypeCode("typeCode", typeCode), number: checkLicenseNumber("number", number) };
    return ctx.loaders.licenseByTypeAndNumber.load(key);
  }

  @FieldResolver(() => LicenseType, { nullable: true })
  type(@Root() license: LicenseRecord, @Ctx() ctx: LicensesContext): Promise<LicenseTypeRecord | null> {
    return ctx.loaders.licenseTypeByCode.load(license.typeCode);
  }

  @FieldResolver(() => Holder, { nullable: true })
  holder(@Root() license: LicenseRecord): HolderRef | null {
    return license.holder;
  }

  @FieldResolver(() => Boolean)
  expired(@Root() license: LicenseRecord): boolean {
    return isExpired(license.validUntil);
  }
}
