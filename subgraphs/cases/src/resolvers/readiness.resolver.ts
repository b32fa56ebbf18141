// Person.readiness and Organization.readiness: the loading and the writing around the
// pure computation (readiness/compute.ts). For one applicant or a hundred in one
// request the case silo sees three statements: the matter, its materials (both through
// the request's loaders) and one INSERT of every answer (the keepReadiness loader).
// An answer leaves only once it is kept: acceptCase must be able to cite any id it sees.
import { randomUUID } from "node:crypto";
import { BadUserInputError } from "@onceonly/shared";
import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { CasesContext } from "../context.js";
import { computeReadiness, type ReadinessAnswer } from "../readiness/compute.js";
import { organizationFacts, personFacts, type ApplicantFacts, type LicenseFact } from "../readiness/facts.js";
import { CasesOrganization, CasesPerson } from "../schema/applicant.type.js";
import { Readiness, UsedLicense } from "../schema/readiness.type.js";
import { CasesLicense } from "../schema/stubs.type.js";
import { checkCode } from "./arguments.js";

const MATTER_CODE = { description: "事项编码 of the matter the applicant is about to apply for" };

@Resolver(() => CasesPerson)
export class PersonReadinessResolver {
  @FieldResolver(() => Readiness, { nullable: true })
  readiness(@Root() person: CasesPerson, @Arg("matterCode", () => ID, MATTER_CODE) matterCode: string, @Ctx() ctx: CasesContext): Promise<ReadinessAnswer> {
    return answerReadiness(matterCode, () => personFacts(person.idNumber, person.representation ?? {}), ctx);
  }
}

@Resolver(() => CasesOrganization)
export class OrganizationReadinessResolver {
  @FieldResolver(() => Readiness, { nullable: true })
  readiness(@Root() org: CasesOrganization, @Arg("matterCode", () => ID, MATTER_CODE) matterCode: string, @Ctx() ctx: CasesContext): Promise<ReadinessAnswer> {
    return answerReadiness(matterCode, () => organizationFacts(org.creditCode, org.representation ?? {}), ctx);
  }
}

@Resolver(() => UsedLicense)
export class UsedLicenseResolver {
  @FieldResolver(() => CasesLicense, { description: "The licence itself, resolved by the licence library" })
  license(@Root() license: LicenseFact): CasesLicense {
    return { id: license.licenseId };
  }
}

async function answerReadiness(rawMatterCode: string, facts: () => ApplicantFacts, ctx: CasesContext): Promise<ReadinessAnswer> {
  const matterCode = checkCode("matterCode", rawMatterCode);
  const applicant = facts();
  const [matter, materials] = await Promise.all([ctx.loaders.matterByCode.load(matterCode), ctx.loaders.materialsByMatter.load(matterCode)]);
  if (!matter) {
    throw new BadUserInputError(`matterCode: "${matterCode}" is not a matter of the catalogue`, { argument: "matterCode", value: matterCode, rule: "unknown" });
  }
  const { answer, record } = computeReadiness({
    id: randomUUID(),
    applicant,
    matter,
    materials,
    now: ctx.services.clock(),
    asker: {
      window: fit(ctx.window?.id, 32),
      department: fit(ctx.window?.department, 100),
      purpose: fit(ctx.purpose, 64),
    },
  });
  await ctx.loaders.keepReadiness.load(record);
  return answer;
}

// Private: the request's word on who asks, cut to the sp_gxdq column widths, so that one
// over-long header cannot fail the INSERT that keeps every answer of the batch.
function fit(value: string | null | undefined, length: number): string | null {
  return value ? value.slice(0, length) : null;
}
