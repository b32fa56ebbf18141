// 时限监察 on Case: overdue, workingDaysLeft and clockPaused, derived at read time from
// the promise, the status, the calendar and the clock. No statement of their own: only a
// case in 特别程序 reads its timeline (when it paused), through the batched loader.
import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { CasesContext } from "../context.js";
import { isClockPaused, isOverdue, workingDaysLeft, type TimeLimitFacts } from "../lifecycle/time-limit.js";
import { pauseOf } from "../lifecycle/transitions.js";
import { Case } from "../schema/case.type.js";
import type { CaseRecord } from "../source/index.js";
import { requestNow } from "./request-clock.js";

@Resolver(() => Case)
export class CaseDeadlineResolver {
  @FieldResolver(() => Boolean, {
    description: "超期: not finished and past promisedBy (never while in 特别程序), or finished after it",
  })
  overdue(@Root() c: CaseRecord, @Ctx() ctx: CasesContext): boolean {
    return isOverdue(facts(c, null), requestNow(ctx));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "剩余工作日: working days from now to promisedBy (0 on its last day, negative once past it), frozen while in 特别程序; " +
      "null when finished or nothing was promised",
  })
  async workingDaysLeft(@Root() c: CaseRecord, @Ctx() ctx: CasesContext): Promise<number | null> {
    const pausedAt = isClockPaused(c.status) ? (pauseOf(await ctx.loaders.timelineByCase.load(c.number))?.pausedAt ?? null) : null;
    return workingDaysLeft(facts(c, pausedAt), requestNow(ctx), ctx.services.calendar);
  }

  @FieldResolver(() => Boolean, { description: "计时暂停: the case is in 特别程序, whose time does not count against the limit" })
  clockPaused(@Root() c: CaseRecord): boolean {
    return isClockPaused(c.status);
  }
}

// Private.
function facts(c: CaseRecord, pausedAt: Date | null): TimeLimitFacts {
  return { status: c.status, promisedBy: c.promisedBy, completedAt: c.completedAt, pausedAt };
}
