// Usage history (用证记录): per licence, and per holder across all their licences — the
// "who used my licences" view (Estonia's Data Tracker). Batched per request: a page of
// licences or holders costs one statement per distinct page request.
import { BadUserInputError, PERSONAL, requiresScopes } from "@onceonly/shared";
import { Args, Ctx, FieldResolver, Resolver, Root, Directive } from "type-graphql";
import type { LicensesContext } from "../context.js";
import { License } from "../schema/license.type.js";
import { Organization } from "../schema/organization.type.js";
import { LicensePerson } from "../schema/person.type.js";
import { LicenseUsage, LicenseUsageArgs, LicenseUsageConnection, MAX_USAGE_PAGE } from "../schema/usage.type.js";
import type { LicenseRecord, OrganizationRef, PersonRef, UsagePage, UsagePageRequest, UsageRecord } from "../source/index.js";

@Resolver(() => License)
export class LicenseUsageResolver {
  @Directive(requiresScopes(["licenses:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => LicenseUsageConnection, { description: "用证记录 of this licence, newest first" })
  async usage(@Root() license: LicenseRecord, @Args(() => LicenseUsageArgs) args: LicenseUsageArgs, @Ctx() ctx: LicensesContext): Promise<LicenseUsageConnection> {
    const page = await ctx.verification.usageByLicense(pageRequest(args)).load(license.id);
    return connection({ ...page, records: page.records.map((r) => ({ ...r, license })) });
  }
}

@Resolver(() => LicensePerson)
export class PersonUsageResolver {
  @Directive(requiresScopes(["licenses:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => LicenseUsageConnection, { description: "Who used this person's licences (用证记录 across all of them), newest first" })
  async licenseUsage(@Root() person: PersonRef, @Args(() => LicenseUsageArgs) args: LicenseUsageArgs, @Ctx() ctx: LicensesContext): Promise<LicenseUsageConnection> {
    return connection(await ctx.verification.usageByHolder(pageRequest(args)).load(person.idNumber));
  }
}

@Resolver(() => Organization)
export class OrganizationUsageResolver {
  @Directive(requiresScopes(["licenses:read"]))
  @FieldResolver(() => LicenseUsageConnection, { description: "Who used this organisation's licences, newest first" })
  async licenseUsage(@Root() org: OrganizationRef, @Args(() => LicenseUsageArgs) args: LicenseUsageArgs, @Ctx() ctx: LicensesContext): Promise<LicenseUsageConnection> {
    return connection(await ctx.verification.usageByHolder(pageRequest(args)).load(org.creditCode));
  }
}

@Resolver(() => LicenseUsage)
export class LicenseUsageFieldsResolver {
  @FieldResolver(() => License)
  async license(@Root() usage: UsageRecord, @Ctx() ctx: LicensesContext): Promise<LicenseRecord> {
    if (usage.license) return usage.license;
    const record = await ctx.loaders.licenseById.load(usage.licenseId);
    if (!record) throw new Error(`usage record ${usage.id} names licence ${usage.licenseId}, which the silo no longer holds`);
    return record;
  }
}

function pageRequest(args: LicenseUsageArgs): UsagePageRequest {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_USAGE_PAGE) {
    throw new BadUserInputError(`first: ${first}; a page holds 1 to ${MAX_USAGE_PAGE} usage records`, { argument: "first", rule: "page-size", value: first });
  }
  return { first, after: args.after ?? null };
}

function connection(page: UsagePage): LicenseUsageConnection {
  return {
    nodes: page.records,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.records.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}
