// sharingStats: the period is checked before any SQL (a backwards or over-long range is
// the caller's mistake), turned into China-day bounds, and read in one statement.
import { BadUserInputError, UnreachableCaseError, requiresScopes } from "@onceonly/shared";
import { Args, Ctx, Query, Resolver, Directive } from "type-graphql";
import type { CasesContext } from "../context.js";
import { SharingFigures, SharingGroup, SharingStats, SharingStatsArgs } from "../schema/sharing-stats.type.js";
import type { SharingFiguresRecord, SharingGroupByValue, SharingGroupRecord } from "../source/sharing-stats.source.js";

export const MAX_SPAN_DAYS = 366;
const DAY_MS = 86_400_000;

@Resolver(() => SharingStats)
export class SharingStatsResolver {
  @Directive(requiresScopes(["cases:read"], ["quality:read"]))
  @Query(() => SharingStats, { description: `共享应用统计 over cases accepted from \`from\` to \`to\` (China days, inclusive, at most ${MAX_SPAN_DAYS} days)` })
  async sharingStats(@Args(() => SharingStatsArgs) { from, to, groupBy }: SharingStatsArgs, @Ctx() ctx: CasesContext): Promise<SharingStats> {
    const { since, until } = period(from, to);
    const { total, groups } = await ctx.sources.sharingStats.figures({ since, until, groupBy });
    return {
      from,
      to,
      groupBy,
      total: withRates(total),
      groups: groups.map((g): SharingGroup => ({ ...withRates(g), key: g.key, label: label(groupBy, g) })),
    };
  }
}

/** [00:00 China time of `from`, 00:00 China time of the day after `to`). */
export function period(from: string, to: string): { since: Date; until: Date } {
  const day = (d: string) => Date.parse(`${d}T00:00:00+08:00`);
  const days = (day(to) - day(from)) / DAY_MS + 1;
  if (days < 1) {
    throw new BadUserInputError(`from: ${from} is after to: ${to}; the period must not run backwards`, { argument: "from", value: { from, to }, rule: "order" });
  }
  if (days > MAX_SPAN_DAYS) {
    throw new BadUserInputError(`from ${from} to ${to} spans ${days} days; at most ${MAX_SPAN_DAYS} are allowed`, {
      argument: "to",
      value: { from, to },
      rule: "span",
      maxDays: MAX_SPAN_DAYS,
    });
  }
  return { since: new Date(day(from)), until: new Date(day(to) + DAY_MS) };
}

// Private: rates and derived counts; a rate over nothing is unknown, not 0.
function withRates(f: SharingFiguresRecord): SharingFigures {
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    ...f,
    typedFields: f.formFields - f.prefilledFields,
    exemptionRate: rate(f.sharedMaterials, f.materials),
    prefillRate: rate(f.prefilledFields, f.formFields),
    eLicenseUsageRate: rate(f.eLicenseMaterials, f.licenseMaterials),
  };
}

function label(groupBy: SharingGroupByValue, g: SharingGroupRecord): string {
  switch (groupBy) {
    case "MATTER":
      return g.matterName ?? (g.key ? `${g.key}（事项目录中无此事项）` : "未记录事项");
    case "WINDOW":
      return g.key ?? "未记录受理窗口";
    case "DEPARTMENT":
      return g.key ?? "未记录实施部门";
    default:
      throw new UnreachableCaseError(groupBy);
  }
}
