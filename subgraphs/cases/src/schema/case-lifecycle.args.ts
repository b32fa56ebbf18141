// The arguments of advanceCase and evaluateCase, as classes so the SDL lists them in the
// order a clerk reads them (type-graphql lists separate @Arg parameters last to first).
import { CaseResult, CaseStatus, Evaluation } from "@onceonly/shared";
import { ArgsType, Field, ID } from "type-graphql";
import type { CaseResultValue, CaseStatusValue, EvaluationValue } from "../source/records.js";

@ArgsType()
export class AdvanceCaseArgs {
  @Field(() => ID, { description: "办件编号" })
  number!: string;

  @Field(() => CaseStatus.enum, { description: "The status to move to" })
  to!: CaseStatusValue;

  @Field(() => String, { nullable: true, description: "处理意见; required for 不予受理 and for 办结 with 不予许可" })
  opinion?: string | null;

  @Field(() => CaseResult.enum, { nullable: true, description: "办结结果: only, and required, with to: COMPLETED" })
  result?: CaseResultValue | null;

  @Field(() => String, { nullable: true, description: "处理人 (up to 50 characters); the window is the calling one" })
  handler?: string | null;
}

@ArgsType()
export class EvaluateCaseArgs {
  @Field(() => ID, { description: "办件编号" })
  number!: string;

  @Field(() => Evaluation.enum, { description: "非常满意 … 非常不满意" })
  evaluation!: EvaluationValue;

  @Field(() => String, { nullable: true, description: "评价内容 (up to 2,000 characters)" })
  comment?: string | null;
}
