// verifyLicense / verifyLicenses: plan every input before any SQL, look the well-formed
// ones up through the request's verification batches (one statement per lookup kind,
// usage records included), judge, and sign each answer.
import { BadUserInputError, UnreachableCaseError, type ReceiptSigner, PERSONAL, requiresScopes } from "@onceonly/shared";
import { Arg, Ctx, Query, Resolver, Directive } from "type-graphql";
import type { LicensesContext } from "../context.js";
import { LicenseVerification, VerifyLicenseInput } from "../schema/verification.type.js";
import type { Checked } from "../verification.loaders.js";
import { requireSigner, signReceipt } from "./receipt.js";
import { planVerification, type VerificationPlan } from "./verification.input.js";
import { judge } from "./verification.outcome.js";

export const MAX_BULK_VERIFICATIONS = 1000;

@Resolver(() => LicenseVerification)
export class VerificationResolver {
  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Directive(PERSONAL)
  @Query(() => LicenseVerification, { description: "证照核验: is this licence genuine and valid (for this holder, on this date)?" })
  verifyLicense(@Arg("input", () => VerifyLicenseInput) input: VerifyLicenseInput, @Ctx() ctx: LicensesContext): Promise<LicenseVerification> {
    const signer = requireSigner(ctx);
    const plan = planVerification("input", input, new Date());
    return verify(plan, signer, ctx);
  }

  @Directive(requiresScopes(["licenses:read"], ["licenses:verify"]))
  @Directive(PERSONAL)
  @Query(() => [LicenseVerification], {
    description: `Bulk 证照核验, up to ${MAX_BULK_VERIFICATIONS} inputs, answered in input order; one silo statement per lookup kind`,
  })
  verifyLicenses(@Arg("inputs", () => [VerifyLicenseInput]) inputs: VerifyLicenseInput[], @Ctx() ctx: LicensesContext): Promise<LicenseVerification[]> {
    const signer = requireSigner(ctx);
    if (inputs.length > MAX_BULK_VERIFICATIONS) {
      throw new BadUserInputError(`inputs: ${inputs.length} inputs; verifyLicenses takes at most ${MAX_BULK_VERIFICATIONS} per request`, {
        argument: "inputs",
        rule: "max-count",
        count: inputs.length,
        limit: MAX_BULK_VERIFICATIONS,
      });
    }
    const now = new Date();
    // Every input is planned (and may be refused) before any of them reaches the silo.
    const plans = inputs.map((input, i) => planVerification(`inputs[${i}]`, input, now));
    return Promise.all(plans.map((plan) => verify(plan, signer, ctx)));
  }
}

// Private: the DataLoaders gather all of one tick's lookups into one batch per kind.
async function verify(plan: VerificationPlan, signer: ReceiptSigner, ctx: LicensesContext): Promise<LicenseVerification> {
  const { lookup } = plan;
  let checked: Checked;
  switch (lookup.kind) {
    case "id":
      checked = await ctx.verification.verifyById.load(lookup.id);
      break;
    case "number":
      checked = await ctx.verification.verifyByTypeAndNumber.load(lookup.key);
      break;
    case "malformed":
      checked = { record: null, checkedAt: new Date() };
      break;
    default:
      throw new UnreachableCaseError(lookup);
  }
  const { record, checkedAt } = checked;
  const verdict =
    lookup.kind === "malformed"
      ? { outcome: "MALFORMED_IDENTIFIER" as const, reason: `证照标识格式或校验位错误：${lookup.failure.message}`, reasonEn: lookup.failure.message, warnings: plan.warnings }
      : judge(record, plan);
  const receipt = await signReceipt(signer, ctx, {
    licenseId: record?.id ?? (lookup.kind === "id" ? lookup.id : lookup.kind === "malformed" ? lookup.id : null),
    typeCode: record?.typeCode ?? (lookup.kind === "number" ? lookup.key.typeCode : lookup.kind === "malformed" ? lookup.typeCode : null),
    holderCode: plan.holderCode ?? record?.holderCode ?? null,
    outcome: verdict.outcome,
    checkedAt: checkedAt.toISOString(),
    validUntil: record?.validUntil ?? null,
  });
  return { ...verdict, license: record, checkedAt, asOf: plan.asOf, receipt };
}
