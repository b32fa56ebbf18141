// Organization fields: what the licences say (through the loader, so a page of
// organisations costs one statement) and what the credit code itself encodes.
import { Region, validateCreditCode, requiresScopes } from "@onceonly/shared";
import { Args, Ctx, FieldResolver, ID, Resolver, Root, Directive } from "type-graphql";
import type { LicensesContext } from "../context.js";
import { LicenseEvidence } from "../schema/license-evidence.type.js";
import { LicenseFilterArgs } from "../schema/license.args.js";
import { License } from "../schema/license.type.js";
import { Organization } from "../schema/organization.type.js";
import type { LicenseRecord, OrganizationRecord, OrganizationRef } from "../source/index.js";
import { holderEvidence } from "./holder-evidence.js";
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

  @FieldResolver(() => ID, { nullable: true })
  async recordKey(@Root() org: OrganizationRef, @Ctx() ctx: LicensesContext): Promise<string | null> {
    return (await known(org, ctx))?.recordKey ?? null;
  }

  @FieldResolver(() => Date, { nullable: true })
  async updatedAt(@Root() org: OrganizationRef, @Ctx() ctx: LicensesContext): Promise<Date | null> {
    return (await known(org, ctx))?.updatedAt ?? null;
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

  @Directive(requiresScopes(["licenses:read"]))
  @FieldResolver(() => [License], { description: "Licences held under this credit code (czztdm), newest first" })
  licenses(@Root() org: OrganizationRef, @Args(() => LicenseFilterArgs) args: LicenseFilterArgs, @Ctx() ctx: LicensesContext): Promise<LicenseRecord[]> {
    return holderLicenses(ctx, org.creditCode, args);
  }

  @Directive(requiresScopes(["licenses:read"]))
  @FieldResolver(() => [LicenseEvidence], {
    description: "证照调取: every licence held under this credit code (代码类型 001), newest first, each judged now; a VALID one with a signed receipt and a 调取 usage record",
  })
  licenseEvidence(@Root() org: OrganizationRef, @Ctx() ctx: LicensesContext): Promise<LicenseEvidence[]> {
    return holderEvidence(ctx, { codeType: "CREDIT_CODE", code: org.creditCode });
  }
}

// Private: a holder reached from a licence is only a credit code; its data is loaded once.
function known(org: OrganizationRef, ctx: LicensesContext): Promise<OrganizationRecord | null> {
  return ctx.loaders.organizationByCreditCode.load(org.creditCode);
}
