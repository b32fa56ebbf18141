// 共享应用统计: the figures a service centre reports on "pull once" — 免提交率 (materials
// the applicant did not hand over because shared data or an e-licence served), form
// prefill, and 电子证照使用率 — per matter, window or implementing department.
import { LocalDate } from "@onceonly/shared";
import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { SharingGroupByValue } from "../source/sharing-stats.source.js";

export const SharingGroupBy = { MATTER: "MATTER", WINDOW: "WINDOW", DEPARTMENT: "DEPARTMENT" } as const satisfies Record<SharingGroupByValue, SharingGroupByValue>;
registerEnumType(SharingGroupBy, {
  name: "SharingGroupBy",
  description: "How sharing statistics are grouped",
  valuesConfig: {
    MATTER: { description: "按事项 (by matter)" },
    WINDOW: { description: "按受理窗口 (by accepting window)" },
    DEPARTMENT: { description: "按实施部门 (by the matter's implementing department, sp_sxml.ssbm)" },
  },
});

@ObjectType("SharingFigures", { description: "Counts over accepted cases; a one-thing bundle counts once, as its bundle case" })
export class SharingFigures {
  @Field(() => Int, { description: "办件数" })
  cases!: number;

  @Field(() => Int, { description: "材料数 (sp_bjcl rows)" })
  materials!: number;

  @Field(() => Int, { description: "免提交: submitted as SHARED_DATA or E_LICENSE" })
  sharedMaterials!: number;

  @Field(() => Int, { description: "handed over: PAPER or UPLOAD" })
  handedOverMaterials!: number;

  @Field(() => Int, { description: "告知承诺 (COMMITMENT)" })
  commitmentMaterials!: number;

  @Field(() => Int, { description: "容缺 (DEFERRED)" })
  deferredMaterials!: number;

  @Field(() => Float, { nullable: true, description: "免提交率 = sharedMaterials / materials; null when there are no materials" })
  exemptionRate!: number | null;

  @Field(() => Int, { description: "Form fields submitted (sp_bjbd)" })
  formFields!: number;

  @Field(() => Int, { description: "Of those, equal to the readiness prefill (sfyt)" })
  prefilledFields!: number;

  @Field(() => Int, { description: "Of those, typed by the window" })
  typedFields!: number;

  @Field(() => Float, { nullable: true, description: "预填率 = prefilledFields / formFields; null when no field was submitted" })
  prefillRate!: number | null;

  @Field(() => Int, { description: "Materials whose catalogue entry names a licence type" })
  licenseMaterials!: number;

  @Field(() => Int, { description: "Of those, submitted as E_LICENSE" })
  eLicenseMaterials!: number;

  @Field(() => Float, { nullable: true, description: "电子证照使用率 = eLicenseMaterials / licenseMaterials; null when no material names a licence type" })
  eLicenseUsageRate!: number | null;
}

@ObjectType("SharingGroup", { description: "The figures of one matter, window or department" })
export class SharingGroup extends SharingFigures {
  @Field(() => ID, { nullable: true, description: "Matter code, window id or department; null when the cases do not record it" })
  key!: string | null;

  @Field(() => String, { description: "The matter's name, the window id or the department, in Chinese" })
  label!: string;
}

@ObjectType("SharingStats", { description: "共享应用统计 over the cases accepted from `from` to `to` (China days, inclusive)" })
export class SharingStats {
  @Field(() => LocalDate)
  from!: string;

  @Field(() => LocalDate)
  to!: string;

  @Field(() => SharingGroupBy)
  groupBy!: SharingGroupByValue;

  @Field(() => SharingFigures, { description: "合计: every case of the period" })
  total!: SharingFigures;

  @Field(() => [SharingGroup], { description: "By key; cases without one last" })
  groups!: SharingGroup[];
}

// An ArgsType keeps the arguments in reading order (from, to, groupBy) in the SDL.
@ArgsType()
export class SharingStatsArgs {
  @Field(() => LocalDate, { description: "First China day of the period" })
  from!: string;

  @Field(() => LocalDate, { description: "Last China day of the period (inclusive)" })
  to!: string;

  @Field(() => SharingGroupBy)
  groupBy!: SharingGroupByValue;
}
