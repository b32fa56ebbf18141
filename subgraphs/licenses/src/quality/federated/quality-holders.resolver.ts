// Query.qualityLicenseHolders and Person.qualityHolderCheck: the licence library's side of
// the checks joined with the registry. The steward pages holders here; for each one the
// gateway fetches the registry's facts (@requires: registered, name, deceased) and hands
// them back to this subgraph, which judges the holder's licences (holder-check.ts). Only
// the judgement leaves: counts and failing licences' identifiers, never the names.
import DataLoader from "dataloader";
import { BadUserInputError, checkPageSize, decodeKeysetCursor, DEFAULT_FEDERATED_PAGE, encodeKeysetCursor, PERSONAL, requiresScopes } from "@onceonly/shared";
import { Args, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { LicensesContext } from "../../context.js";
import { LicensePerson } from "../../schema/person.type.js";
import type { PersonRef } from "../../source/index.js";
import { checkHolder, type HolderCheck, type RegistryFacts } from "./holder-check.js";
import type { HolderLicence } from "./quality-holders.source.js";
import { QualityHolderCheck, QualityHoldersArgs, QualityLicenseHolderPage } from "./quality-holders.type.js";

const LIST = "qualityLicenseHolders";
const MAX_PARTS = 16;

@Resolver(() => QualityLicenseHolderPage)
export class QualityLicenseHoldersResolver {
  @Directive(requiresScopes(["quality:read"]))
  @Query(() => QualityLicenseHolderPage, {
    description: "数据质量 (stewards): holders of licences held under a well-formed ID number, in code order, for the checks joined with the registry (Person.qualityHolderCheck)",
  })
  async qualityLicenseHolders(@Args(() => QualityHoldersArgs) args: QualityHoldersArgs, @Ctx() ctx: LicensesContext): Promise<Omit<QualityLicenseHolderPage, "totalLicences">> {
    const first = checkPageSize(args.first ?? DEFAULT_FEDERATED_PAGE);
    const parts = args.parts ?? 1;
    const part = args.part ?? 0;
    if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS || !Number.isInteger(part) || part < 0 || part >= parts) {
      throw new BadUserInputError(`part ${part} of parts ${parts}: parts must be 1 to ${MAX_PARTS} and part 0 to parts − 1`, { argument: "part", value: { part, parts }, rule: "range" });
    }
    // The cursor names its partition and carries its upper bound: the bounds are read once,
    // on the partition's first page, and a cursor of another partition would skip holders.
    const list = parts === 1 ? LIST : `${LIST}:${part}/${parts}`;
    const source = ctx.sources.federatedQuality.holders;
    const cursor = decodeKeysetCursor(list, 2, args.after);
    const range = cursor ? { lo: null, hi: cursor[1] === "" ? null : cursor[1] } : await source.range(part, parts);
    if (range === null) return { nodes: [], endCursor: null, hasNextPage: false };
    const page = await source.page(args.asOf, cursor?.[0] ?? null, first, range);
    return {
      nodes: page.holders.map((idNumber) => ({ idNumber })),
      endCursor: page.lastKey === null ? null : encodeKeysetCursor(list, [page.lastKey, range.hi ?? ""]),
      hasNextPage: page.hasNextPage,
    };
  }

  @FieldResolver(() => Int)
  totalLicences(@Ctx() ctx: LicensesContext): Promise<number> {
    return ctx.sources.federatedQuality.holders.countLicences();
  }
}

@Resolver(() => LicensePerson)
export class QualityHolderCheckResolver {
  @Directive('@requires(fields: "registered name deceased")')
  @Directive(requiresScopes(["quality:read", "registry:read", "licenses:read"]))
  @Directive(PERSONAL)
  @FieldResolver(() => QualityHolderCheck, {
    description: "数据质量: this person's licences (code type 111) judged against the registry's facts about the ID number (X_HOLDER_UNREGISTERED, X_HOLDER_NAME, X_DECEASED_VALID)",
  })
  async qualityHolderCheck(@Root() person: PersonRef & Partial<RegistryFacts>, @Ctx() ctx: LicensesContext): Promise<HolderCheck> {
    if (typeof person.registered !== "boolean" || typeof person.deceased !== "boolean") {
      throw new Error(`Person ${person.idNumber}: the gateway sent no registry facts (registered, deceased) for qualityHolderCheck, which @requires them`);
    }
    const licences = await licencesLoader(ctx).load(person.idNumber);
    return checkHolder({ registered: person.registered, name: person.name ?? null, deceased: person.deceased }, licences);
  }
}

const loaders = new WeakMap<object, DataLoader<string, HolderLicence[]>>();

// Private: one statement for every holder of a request (a page's worth).
function licencesLoader(ctx: LicensesContext): DataLoader<string, HolderLicence[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((holders: readonly string[]) => ctx.sources.federatedQuality.holders.licencesOf(holders), { name: "qualityHolderLicences", maxBatchSize: 20_000 });
    loaders.set(ctx, loader);
  }
  return loader;
}
