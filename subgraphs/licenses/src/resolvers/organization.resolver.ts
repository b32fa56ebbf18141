// Organization fields: what the licences say (through the loader, so a page of
// organisations costs one statement) and what the credit code itself encodes.
import { Region, validateCreditCode } from "@onceonly/shared";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { LicensesContext } from "../context.js";
import { LicenseFilterArgs } from "../schema/license.args.js";
import { License } from "../schema/license.type.js";
import { Organization } from "../schema/organization.type.js";
import type { LicenseRecord, OrganizationRecord, OrganizationRef } from "../source/index.js";
import { holderLicenses } from "./holder-licenses.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => String, { nullable: true })
  async name(@Root() org: OrganizationRef, @Ctx() ctx: LicensesContext): Promise<string | null> {
    return (await known(org, ctx))?.name ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async legalRepresentative(@Root() org: OrganizationRef, @Ctx() ctx: LicensesContext): Promise<string | null> {
    return (await known(org, ctx))?.legalRepresentative ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async address(@Root() org: OrganizationRef, @Ctx() ctx: LicensesContext): Promise<string | null> {
    return (await known(org, ctx))?.address ?? null;
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() org: OrganizationRef): Region | null {
    const code = validateCreditCode(org.creditCode);
    return code.ok ? Region.of(code.region) : null;
  }

  @FieldResolver(() => Boolean)
  creditCodeCheckDigitValid(@Root() org: OrganizationRef): boolean {
    const code = validateCreditCode(org.creditCode);
    return code.ok && code.checkDigitValid;
  }

  @FieldResolver(() => [License], { description: "Licences held under this credit code (czztdm), newest first" })
  licenses(@Root() org: OrganizationRef, @Args(() => LicenseFilterArgs) args: LicenseFilterArgs, @Ctx() ctx: LicensesContext): Promise<LicenseRecord[]> {
    return holderLicenses(ctx, org.creditCode, args);
  }
}

// Private: a holder reached from a licence is only a credit code; its data is loaded once.
function known(org: OrganizationRef, ctx: LicensesContext): Promise<OrganizationRecord | null> {
  return ctx.loaders.organizationByCreditCode.load(org.creditCode);
}
