// advanceCase and evaluateCase: a case's status changes (办件状态流转) and its 好差评.
// The rules are in lifecycle/; the locked read-decide-write in source/lifecycle.source.ts.
import { NotFoundError, PERSONAL, requiresScopes } from "@onceonly/shared";
import { Args, Ctx, FieldResolver, Mutation, Resolver, Root, Directive } from "type-graphql";
import type { CasesContext } from "../context.js";
import { checkAdvanceRequest, planAdvance } from "../lifecycle/advance.js";
import { checkEvaluationRequest, planEvaluation } from "../lifecycle/evaluation.js";
import { Case } from "../schema/case.type.js";
import { AdvanceCaseArgs, EvaluateCaseArgs } from "../schema/case-lifecycle.args.js";
import type { CaseRecord } from "../source/index.js";
import { checkCode } from "./arguments.js";

@Resolver(() => Case)
export class CaseLifecycleResolver {
  @Directive(requiresScopes(["cases:write"]))
  @Directive(PERSONAL)
  @Mutation(() => Case, {
    description:
      "Moves a case to another status and appends it to the timeline. 受理 → 承办 → 审核 → 办结, plus 不予受理, 退回补正 " +
      "and 特别程序 (pauses the time limit; leaving it moves promisedBy later by the working days spent). 办结 needs a result; " +
      "不予受理 and 办结 with 不予许可 need an opinion. An illegal move is refused naming the allowed ones.",
  })
  async advanceCase(@Args(() => AdvanceCaseArgs) { number, to, opinion, result, handler }: AdvanceCaseArgs, @Ctx() ctx: CasesContext): Promise<CaseRecord> {
    const caseNumber = checkCode("number", number);
    const request = checkAdvanceRequest({ to, opinion: opinion ?? null, result: result ?? null, handler: handler ?? null, window: ctx.window?.id ?? null });
    const now = ctx.services.clock();
    const updated = await ctx.sources.lifecycle.advance(caseNumber, (locked) => planAdvance(locked, request, now, ctx.services.calendar));
    return fresh(ctx, caseNumber, updated, "advanceCase");
  }

  @Directive(requiresScopes(["cases:write"]))
  @Directive(PERSONAL)
  @Mutation(() => Case, { description: "好差评: rates a case once it is 办结 or 不予受理, once" })
  async evaluateCase(@Args(() => EvaluateCaseArgs) { number, evaluation, comment }: EvaluateCaseArgs, @Ctx() ctx: CasesContext): Promise<CaseRecord> {
    const caseNumber = checkCode("number", number);
    const request = checkEvaluationRequest({ evaluation, comment: comment ?? null });
    const now = ctx.services.clock();
    const updated = await ctx.sources.lifecycle.evaluate(caseNumber, (state) => planEvaluation(state, request, now));
    return fresh(ctx, caseNumber, updated, "evaluateCase");
  }

  @FieldResolver(() => Date, { nullable: true, description: "评价时间 (好差评)" })
  evaluatedAt(@Root() c: CaseRecord): Date | null {
    return c.evaluatedAt;
  }

  @FieldResolver(() => String, { nullable: true, description: "评价内容 (好差评)" })
  evaluationComment(@Root() c: CaseRecord): string | null {
    return c.evaluationComment;
  }
}

// Private: the rest of this request must read the case as it now is, not as a loader
// may have cached it before the mutation.
function fresh(ctx: CasesContext, number: string, updated: CaseRecord | null, mutation: string): CaseRecord {
  if (!updated) throw new NotFoundError(`${mutation}: no case numbered "${number}"`, { argument: "number", value: number });
  ctx.loaders.caseByNumber.clear(number).prime(number, updated);
  ctx.loaders.timelineByCase.clear(number);
  return updated;
}
