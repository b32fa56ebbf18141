// Query.qualityCaseApplicants with Person.qualityApplicantCheck, and
// Query.qualityHandedOverMaterials: the case silo's side of the cross-silo checks
// (scripts/src/quality/engine/).
import DataLoader from "dataloader";
import { BadUserInputError, checkPageSize, decodeKeysetCursor, DEFAULT_FEDERATED_PAGE, encodeKeysetCursor, PERSONAL, requiresScopes } from "@onceonly/shared";
import { Args, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { CasesContext } from "../../context.js";
import { CasesPerson } from "../../schema/applicant.type.js";
import {
  QualityApplicantCheck,
  QualityApplicantsArgs,
  QualityCaseApplicantPage,
  QualityHandedOverMaterial,
  QualityHandedOverMaterialPage,
  QualityMaterialsArgs,
} from "./quality-cases.type.js";

const APPLICANTS = "qualityCaseApplicants";
const MATERIALS = "qualityHandedOverMaterials";
const MAX_PARTS = 16;

@Resolver(() => QualityCaseApplicantPage)
export class QualityCaseApplicantsResolver {
  @Directive(requiresScopes(["quality:read"]))
  @Query(() => QualityCaseApplicantPage, {
    description: "数据质量 (stewards): person applicants with a well-formed ID number, in code order, for the check joined with the registry (Person.qualityApplicantCheck)",
  })
  async qualityCaseApplicants(@Args(() => QualityApplicantsArgs) args: QualityApplicantsArgs, @Ctx() ctx: CasesContext): Promise<Omit<QualityCaseApplicantPage, "totalCases">> {
    const first = checkPageSize(args.first ?? DEFAULT_FEDERATED_PAGE);
    const parts = args.parts ?? 1;
    const part = args.part ?? 0;
    if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS || !Number.isInteger(part) || part < 0 || part >= parts) {
      throw new BadUserInputError(`part ${part} of parts ${parts}: parts must be 1 to ${MAX_PARTS} and part 0 to parts − 1`, { argument: "part", value: { part, parts }, rule: "range" });
    }
    // The cursor names its partition and carries its upper bound (read once, on the partition's first page).
    const list = parts === 1 ? APPLICANTS : `${APPLICANTS}:${part}/${parts}`;
    const source = ctx.sources.federatedQuality;
    const cursor = decodeKeysetCursor(list, 2, args.after);
    const range = cursor ? { lo: null, hi: cursor[1] === "" ? null : cursor[1] } : await source.applicantRange(part, parts);
    if (range === null) return { nodes: [], endCursor: null, hasNextPage: false };
    const page = await source.applicants(args.asOf, cursor?.[0] ?? null, first, range);
    return {
      nodes: page.applicants.map((idNumber) => ({ idNumber })),
      endCursor: page.lastKey === null ? null : encodeKeysetCursor(list, [page.lastKey, range.hi ?? ""]),
      hasNextPage: page.hasNextPage,
    };
  }

  @FieldResolver(() => Int)
  totalCases(@Ctx() ctx: CasesContext): Promise<number> {
    return ctx.sources.federatedQuality.countPersonCases();
  }
}

/**
 * X_APPLICANT_UNREGISTERED: the gateway fetches whether the registry holds the person's ID
 * number (registered: false for one it does not) and hands it back here with the person;
 * every case of theirs is checked, and all of them fail when it is not registered.
 */
@Resolver(() => CasesPerson)
export class QualityApplicantCheckResolver {
  @Directive('@requires(fields: "registered")')
  @Directive(requiresScopes(["quality:read", "registry:read", "cases:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => QualityApplicantCheck, { description: "数据质量: this person's cases judged against the registry's answer whether it holds the ID number (X_APPLICANT_UNREGISTERED)" })
  async qualityApplicantCheck(@Root() person: CasesPerson, @Ctx() ctx: CasesContext): Promise<QualityApplicantCheck> {
    const registered = person.representation?.registered;
    if (typeof registered !== "boolean") {
      throw new Error(`Person ${person.idNumber}: the gateway sent no registry fact (registered) for qualityApplicantCheck, which @requires it`);
    }
    const cases = await casesLoader(ctx).load(person.idNumber);
    return { cases: cases.length, unregistered: registered ? [] : cases };
  }
}

const loaders = new WeakMap<object, DataLoader<string, string[]>>();

// Private: one statement for every applicant of a request (a page's worth).
function casesLoader(ctx: CasesContext): DataLoader<string, string[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((applicants: readonly string[]) => ctx.sources.federatedQuality.casesOf(applicants), { name: "qualityApplicantCases", maxBatchSize: 20_000 });
    loaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => QualityHandedOverMaterialPage)
export class QualityHandedOverMaterialsResolver {
  @Directive(requiresScopes(["quality:read"]))
  @Query(() => QualityHandedOverMaterialPage, {
    description: "数据质量 (stewards): materials handed over on paper or by upload whose catalogue entry names a licence type, for the check joined with the licence library",
  })
  async qualityHandedOverMaterials(@Args(() => QualityMaterialsArgs) args: QualityMaterialsArgs, @Ctx() ctx: CasesContext): Promise<Omit<QualityHandedOverMaterialPage, "totalCount">> {
    const first = checkPageSize(args.first ?? DEFAULT_FEDERATED_PAGE);
    const after = decodeKeysetCursor(MATERIALS, 2, args.after) as [string, string] | null;
    const page = await ctx.sources.federatedQuality.handedOverMaterials(after, first);
    const nodes = page.materials.map((m): QualityHandedOverMaterial => ({
      key: `${m.caseNumber}/${m.materialCode}`,
      method: m.method,
      licenseTypeCode: m.licenseTypeCode,
      acceptedOn: m.acceptedOn,
      holding: m.applicantCode === null || m.acceptedOn === null ? null : { holderCode: m.applicantCode, typeCode: m.licenseTypeCode, day: m.acceptedOn },
    }));
    const last = page.materials[page.materials.length - 1];
    return { nodes, endCursor: last ? encodeKeysetCursor(MATERIALS, [last.caseNumber, last.materialCode]) : null, hasNextPage: page.hasNextPage };
  }

  @FieldResolver(() => Int)
  totalCount(@Ctx() ctx: CasesContext): Promise<number> {
    return ctx.sources.federatedQuality.countHandedOverMaterials();
  }
}
